# Port of CPython 3.12's _thread (Modules/_threadmodule.c), as far as Lib/threading.py uses it. Natives: _start, get_ident, _executor_worker, _wait_for_lock, _main_ident (modules/thread.rs).
# Differs: a lock is Python: a thread that waits for it sleeps in steps of program time (1 ms, doubling up to 10 ms), which lets the others run, so a woken waiter resumes up to 10 ms of program time late; threads run while the main thread waits (time.sleep, a lock, the event loop's select), each until it finishes or waits.
from time import monotonic as _time

_POLL_FIRST = 0.001
_POLL_MAX = 0.01
TIMEOUT_MAX = 9223372036.0
error = RuntimeError


class LockType:
    __module__ = '_thread'

    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        endtime = None if timeout == -1 else _time() + timeout
        delay = _POLL_FIRST
        while self._locked:
            if endtime is None:
                _wait_for_lock(delay)
            else:
                remaining = endtime - _time()
                if remaining <= 0:
                    return False
                # At least a nanosecond: the clock must move on even when float rounding leaves a crumb.
                _wait_for_lock(max(min(delay, remaining), 1e-9))
            delay = min(delay * 2, _POLL_MAX)
        self._locked = True
        return True

    acquire_lock = acquire

    def __enter__(self):
        return self.acquire()

    def __exit__(self, t, v, tb):
        self.release()

    def release(self):
        if not self._locked:
            raise RuntimeError('release unlocked lock')
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f"<{state} _thread.lock object at 0x{id(self):x}>"


def allocate_lock():
    return LockType()


# The locks each thread's _set_sentinel() made: released when the thread ends (threading's join).
_sentinels = {}


def _set_sentinel():
    # threading acquires it; the thread's end releases it.
    lock = LockType()
    _sentinels.setdefault(get_ident(), []).append(lock)
    return lock


def start_new_thread(function, args, kwargs=None):
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError('optional 3rd arg must be a dictionary')

    def run():
        try:
            function(*args, **(kwargs or {}))
        finally:
            for lock in _sentinels.pop(get_ident(), ()):
                lock.release()

    return _start(run, ())


def daemon_threads_allowed():
    return True


def _is_main_interpreter():
    return True


def get_native_id():
    return get_ident()


def _count():
    return 0


def stack_size(size=0):
    return 0


class _local:
    """threading.local: each thread sees its own attributes (kept in a dict per thread; the
    instance's own __dict__ holds only those dicts)."""
    __module__ = '_thread'

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__dicts', {})
        object.__setattr__(self, '_local__args', (args, kwargs))
        # The creating thread's dict: its __init__ runs when the caller calls it, as usual.
        self.__dict__['_local__dicts'][get_ident()] = {}
        return self

    def _local__mine(self):
        dicts = self.__dict__['_local__dicts']
        ident = get_ident()
        if ident not in dicts:
            dicts[ident] = {}
            init = type(self).__init__
            if init is not object.__init__:
                args, kwargs = self.__dict__['_local__args']
                # A thread's first look runs __init__ for it, as CPython's does.
                init(self, *args, **kwargs)
        return dicts[ident]

    def __getattr__(self, name):
        if name.startswith('_local__'):
            raise AttributeError(name)
        mine = _local._local__mine(self)
        try:
            return mine[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") from None

    def __setattr__(self, name, value):
        _local._local__mine(self)[name] = value

    def __delattr__(self, name):
        mine = _local._local__mine(self)
        if name not in mine:
            raise AttributeError(name)
        del mine[name]
