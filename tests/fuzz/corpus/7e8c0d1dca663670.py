import functools

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print('calli g', func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper

def repeat(n):
    def deco(func):
        def wrapper(*a):
            return [func(*a) for _ in range(n)]
        return wrapper
    return deco

@logged
def add(a, b=2):
    return a + b

@repeat(3)
def hello(name):
    return 'hi ' + name

print(add(1), add(1, b=5), add.__name__)
print(hello('x'))
