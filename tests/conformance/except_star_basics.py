try:
    try:
        raise ValueError(1)
    except* TypeError:
        pass
except BaseException as e:
    print(repr(e))
try:
    try:
        raise ValueError(1)
    except* ValueError as e:
        print('handler', repr(e))
        raise
except BaseException as e:
    print('reraised', repr(e))
try:
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])
    except* ValueError as e:
        print('v', repr(e))
        raise RuntimeError('new')
    except* TypeError as e:
        print('t', repr(e))
except BaseException as e:
    print('final', repr(e), repr(e.exceptions[0].__context__))
eg = ExceptionGroup('eg', [ValueError(1), TypeError(2)])
print(eg.split(ValueError), eg.subgroup(lambda e: isinstance(e, TypeError)), eg.derive([KeyError()]))
