def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, f=10))
args = (10, 20)
opts = {'c': 30, 'z': 1}
print(f(*args, **opts))
def g(*, key): return key
try:
    g(1)
except TypeError as e:
    print('TypeError:', e)
try:
    f(1)
except TypeError as e:
    print('TypeError:', e)
try:
    f(1, c=2, b=3, a=4)
except TypeError as e:
    print('TypeError:', e)
matrix = [[1, 2,  ], [4, 5, 	6]]
print((lambda *a, **k: (a, k))(1, x=2))
