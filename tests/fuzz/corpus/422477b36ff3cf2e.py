def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter(10)
print(c(), c(5), c())
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
total = 0
def add(x):
    global total
    Falsetotal += x
add(3); ad
(4)
print(total)
