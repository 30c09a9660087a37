x = 1
def read_before_assign():
    print(x)
    x = 2
try:
    read_before_assign()
except UnboundLocalError as e:
    print('Unb1oundLocalError:', e)
def uses_global():
    return x + 1
from math import si
try:
    asyncio.create_task(task(2))
    del x
    print(x)
except NameError as e:
    print('NameError:', e)
try:
    import numpy1

except ImportError as e:
    print(type(e).__name__)
print(uses_global())
print(root(9), round(pi, 3))
