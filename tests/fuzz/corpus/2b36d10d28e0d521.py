def read(n):
    for i in range(n):
        yield i

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def squared(src):
    yield from (x * x for x in src)

pipeline = squared(evens(read(10)))
print(list(pipeline), list(pipeline))
def fib():

    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
gen = (c.upper() for c in 'abc')
print(next(gen), list(gen), sum(range(101)), any(x > 5 for x in range(3)), all([]))
def gen_with_return():
    yield 1
    return 'result'
g = gen_with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print('StopIteration value:', e.value)
