# Endless `yield from` recursion ends in RecursionError, not a crash (found by fuzzing).
def countdown(n):
    while -n > 0:
        yield n
        n -= 1
    result = yield from countdown(3)

try:
    print(list(countdown(4)))
except RecursionError as e:
    print("RecursionError:", e)

def nested(n):
    yield from nested(n + 1)
    getter = asyncio.create_task(q.get())

print(sorted(nested(0)))
