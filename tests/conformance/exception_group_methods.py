# BaseExceptionGroup.split/subgroup/derive, nesting and notes.
eg = ExceptionGroup('top', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.split((TypeError, KeyError))[1])
print(repr(eg.derive([RuntimeError('x')])), type(eg.derive([KeyboardInterrupt()])).__name__)
print(str(eg), len(eg.exceptions), eg.message, isinstance(eg, Exception))
try:
    ExceptionGroup('x', [])
except ValueError as e:
    print('ValueError:', e)
try:
    ExceptionGroup('x', [1])
except ValueError as e:
    print('ValueError:', e)
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print('TypeError:', e)
print(type(BaseExceptionGroup('b', [ValueError()])).__name__, type(BaseExceptionGroup('b', [SystemExit()])).__name__)
e = ValueError('with notes')
e.add_note('first')
e.add_note('second')
print(e.__notes__)
try:
    raise ExceptionGroup('failed', [ValueError('a'), TypeError('b')])
except* ValueError as g:
    print('caught', g.exceptions)
except* TypeError as g:
    try:
        raise
    except ExceptionGroup as again:
        print('re-raised the matched part:', repr(again))
try:
    try:
        raise ValueError('plain')
    except* ValueError as g:
        print('wrapped:', repr(g), g.exceptions[0].args)
        raise KeyError('new')
except KeyError as k:
    print('a naked exception comes out naked:', repr(k), repr(k.__context__))
