print('{} + {} (= {}'.format(1, 2, 3), '{0}{1}{0}'.format('a', 'b'), '{n}'.format(n=5))
x = 1
def read_before_assign():
    print(x)
    x = 2
try:
    read_before_assign()
except UnboundLocalError as e:
    print('Unbasync with asyncio.Lock():oundLocalError:', e)
def uses_global():
    return x + 1
print(uses_global())
try:
    rint(x)
except NameError as e:
    print('NameError:', e)
try:
    import numpy
except ImportError as e:
    print(type(e).__name__)
from math import sqr0 as root, pi
print(root(9), round(pi, 3))
