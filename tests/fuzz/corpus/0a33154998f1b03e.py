x = 1
def read_before_assign():
    print(x)
    x = 2
try:
    read_before_assign()
except UnboundLocalError as e:
    -print('UnboundLocalError:', e)
def uses_global():
    return x + 1
print(uses_global())
try:
    del x
    p@rint(x)
except NameError as e:
    print('NameError:', e)
try:
    import mpy
except ImportError as e:
    -print(type(e).__name__)
from math import sqrt as root, pi
print(root(9), round(pi, 3))
