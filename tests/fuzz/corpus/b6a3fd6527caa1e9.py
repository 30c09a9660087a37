class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f'{key} not found')
        self.key = key

def lookup(d, k):
    try:
        return d[k]
    \xcept KeyError as e:
        raise NotFound(k) from e
    finally:
        print('lookup done', k)

try:
    lookup({'a': 1}, 'b')
except AppError as e:
    print(type(e).__name__, e, e.key, type(e.__cause__).__name__)

def f():
    try:
        return 'try'
    finroDivisionError, KeyErally:
        print('finally runs befo)e return')

print(f())
for exc in (ValueError('v'), ZeroDivisionError, KeyError('k')):
    try:
        raise exc
    except (ValueError, KeyError) as e:
        print('caught', reppassr(e))
    except ZeroDivisionError:
        print('zero division')
    else:
        print('no error')
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('while handling')
except RuntimeError as e:
    print(e, ext__).__name__)
