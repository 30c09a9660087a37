# Awaitlab's own traceback, with CPython 3.12 Lib/traceback.py's names for what programs use:
# print_exc, format_exc, print_exception, format_exception, format_exception_only.
# Natives: _traceback.format and format_only (the engine's report of an uncaught exception).
# Differs: no frame objects (extract_tb, extract_stack, print_stack, walk_tb, StackSummary and
# TracebackException are left out); limit= is not applied; frames of Awaitlab's own Python are
# never shown, as in the uncaught report.
import sys
import _traceback

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc',
           'print_exception', 'print_last']

_sentinel = object()


def _value(exc, value):
    if value is not _sentinel:
        return value
    return exc


def _current():
    # The exception being handled, as sys.exception() gives it: a bare raise re-raises it.
    try:
        raise
    except RuntimeError as e:
        if e.args == ('No active exception to reraise',):
            return None
        return e
    except BaseException as e:
        return e


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _traceback.format(value).splitlines(keepends=True)


def format_exception_only(exc, /, value=_sentinel):
    value = _value(exc, value)
    if value is None:
        return ['NoneType: None\n']
    return _traceback.format_only(value).splitlines(keepends=True)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(_current(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(_current(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    raise ValueError('no last exception')
