eg = ExceptionGroup('e', [ValueError(1), TypeError(2)])
m, r = eg.split(lambda e: isinstance(e, (ValueError, TypeError)) and not isinstance(e, ExceptionGroup))
print(m is eg, m, r)
try:
    try: raise eg
    except* KeyError: pass
except ExceptionGroup as e: print('same object:', e is eg)
try:
    try: raise eg
    except* ValueError: pass
except ExceptionGroup as e: print('rest:', repr(e), e.__context__)
def f():
    try:
        raise ExceptionGroup('outer', [ValueError('a'), TypeError('b')])
    except* ValueError:
        print('handled a')
f()
