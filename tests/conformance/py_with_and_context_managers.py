class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError

with Managed('a') as m, Managed('b'):
    print('body', m.name)
with Managed('c'):
    raise KeyError('swallowed')
print('after swallow')
try:
    with Managed('d'):
        raise ValueError('escapes')
except ValueError as e:
    print('escaped:', e)
