# "is" with a literal: CPython warns at compile time, before the program runs.
def check(a):
    if a is 1 or a is not "s" or a is None or a is ():
        return True
    return 1 is a


print(check(1), check(2))
