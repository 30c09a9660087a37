# Signature.bind / bind_partial: which parameter each argument lands in (.arguments, .args,
# .kwargs), apply_defaults(), and the TypeError messages bind gives for bad calls.
import inspect

def send(to, subject='(none)', *attachments, urgent=False, **headers):
    pass

sig = inspect.signature(send)

def show(*args, **kwargs):
    try:
        ba = sig.bind(*args, **kwargs)
    except TypeError as e:
        print(f'bind{args}{kwargs} -> TypeError: {e}')
        return
    print(f'bind{args}{kwargs} -> {dict(ba.arguments)}')
    return ba

ba = show('ann@example.com')
ba.apply_defaults()
print('  after apply_defaults:', dict(ba.arguments))
print('  args:', ba.args, 'kwargs:', ba.kwargs)

ba = show('bob', 'hi', 'a.pdf', 'b.png', urgent=True, reply_to='x', cc='y')
print('  args:', ba.args, 'kwargs:', ba.kwargs)
print('  BoundArguments str:', ba)

show()
show(subject='only subject')
show('a', to='b')
show('a', urgent=True, urgent2=False)

def strict(a, b, /, c, *, d):
    pass

s2 = inspect.signature(strict)
for args, kwargs in [((1, 2, 3), {'d': 4}), ((1, 2, 3, 4), {}), ((1,), {'b': 2, 'c': 3, 'd': 4}),
                     ((1, 2), {'c': 3}), ((1, 2, 3), {'d': 4, 'e': 5})]:
    try:
        print(args, kwargs, '->', dict(s2.bind(*args, **kwargs).arguments))
    except TypeError as e:
        print(args, kwargs, '-> TypeError:', e)

partial = s2.bind_partial(1, d=9)
print('bind_partial:', dict(partial.arguments))

def call_with_logging(func, *args, **kwargs):
    bound = inspect.signature(func).bind(*args, **kwargs)
    bound.apply_defaults()
    print('calling', func.__name__, 'with', ', '.join(f'{k}={v!r}' for k, v in bound.arguments.items()))
    return func(*bound.args, **bound.kwargs)

def area(width, height=1, *, unit='cm'):
    return f'{width * height} {unit}2'

print(call_with_logging(area, 3))
print(call_with_logging(area, 3, 4, unit='m'))
