# Endless recursion: three frames shown, then "[Previous line repeated N more times]".
def countdown(n):
    if n == 0:
        return 0
    return countdown(n + 1) + 1

print(countdown(1))
