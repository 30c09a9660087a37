# Awaitlab's own atexit (CPython 3.12's is C: Modules/atexitmodule.c, whose order and messages this keeps).
# Natives: none (the run calls _run_exitfuncs once the program ends: run/machine.rs).
# Differs: an error in an exit function is printed with its traceback through the traceback module; a SystemExit there is printed too.
"""allow programmer to define multiple exit functions to be executed
upon normal program termination.

Two public functions, register and unregister, are defined.
"""

_exithandlers = []


def register(func, /, *args, **kwargs):
    """Register a function to be executed upon normal program termination

    func - function to be called at exit
    args - optional arguments to pass to func
    kwargs - optional keyword arguments to pass to func

    func is returned to facilitate usage as a decorator."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Unregister an exit function which was previously registered using
    atexit.register

    func - function to be unregistered"""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    """Clear the list of previously registered exit functions."""
    _exithandlers.clear()


def _ncallbacks():
    """Return the number of registered exit functions."""
    return len(_exithandlers)


def _run_exitfuncs():
    """Run all registered exit functions, last registered first.

    If a callback raises an exception, it is logged with sys.unraisablehook."""
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            import sys
            import traceback
            print(f'Exception ignored in atexit callback: {func!r}', file=sys.stderr)
            traceback.print_exception(exc)
