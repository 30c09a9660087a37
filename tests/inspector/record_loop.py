"""Runs a program under CPython 3.12 and records the event loop's own state at the start of
every iteration: the ready queue (`_ready`) and the timer heap (`_scheduled`), after the due
timers moved, before any handle runs. The loop inspector's model of the same program's trace
must show the same (crates/engine/tests/inspector.rs).

    PYENV_VERSION=3.12.1 python3 tests/inspector/record_loop.py PROGRAM.py...

writes tests/inspector/expected/NAME.loop, one line per iteration (`iteration`, its time), then
one per ready handle (`ready`, label) and one per timer in deadline order (`timer`, deadline,
label, `cancelled` or `active`), fields separated by tabs; times from the loop's creation.

The loop runs on a virtual clock, as the engine's native runs do: select() never waits, the clock
jumps to the next deadline; `time.sleep` advances it (in the loop's thread: a blocked loop) or
waits for it (in an executor thread, which the loop lets run until every job sleeps or ends).
Timers due at the same moment fire in the order they were set, as on CPython's real clock,
where the one set later is later by the time that passed. The pure-Python Task and Future are used (`_asyncio` blocked) so that a handle's callback can
be named (`Task.__step` is a bound method there); their scheduling is the C module's.
Labels: `step meow(1)` and `wakeup meow(1)` for a task's step and wake-up (by its coroutine
and arguments: CPython numbers the tasks that `wait` and `as_completed` make from a set in the
set's order, by address, which no other run reproduces), else the callback's qualified name. Iterations that run nothing (select() woke for the loop's own self-pipe) and
the self-pipe's reader are left out: the engine has no self-pipe.

HTTP: a program's `aiohttp` and `requests` are the engine's own (crates/engine/lib), run here
on CPython's asyncio, and their requests are answered by the engine's practice API with the
settings of the program's `# api:` line (target/release/awaitlab-practice-oracle, built by
`cargo build --release -p awaitlab-cli`), at the program times the engine's virtual network
delivers them: an answer sets its future's result when select() wakes for it, before the due
timers move, as an arriving response does. What is compared is then the event loop's work
around the requests, not aiohttp's own socket machinery (which the engine does not have).
Where the two can differ: the engine takes answers in between its slices of work, so one that
arrives during a long step, or while `requests.get` blocks a task, wakes its task then, where
CPython (and this recorder) would wake it at the next select(). No recorded program does that.
"""
import sys

sys.modules['_asyncio'] = None  # before asyncio is imported
import asyncio
import asyncio.base_events as base_events
import concurrent.futures
import heapq
import os
import itertools
import runpy
import subprocess
import threading
import time
import types

# CPython keeps the logger's name: these are the loop's own constants (base_events.py).
_MIN_SCHEDULED_TIMER_HANDLES = base_events._MIN_SCHEDULED_TIMER_HANDLES
_MIN_CANCELLED_TIMER_HANDLES_FRACTION = base_events._MIN_CANCELLED_TIMER_HANDLES_FRACTION
MAXIMUM_SELECT_TIMEOUT = base_events.MAXIMUM_SELECT_TIMEOUT

ITERATIONS = []
MAX_ITERATIONS = 2000


class Clock:
    """The run's virtual clock, and the executor threads waiting on it."""

    def __init__(self):
        self.now = 0.0
        self.cond = threading.Condition()
        self.sleepers = []  # wake-up times of executor threads in time.sleep
        self.jobs = 0  # executor jobs submitted and not finished

    def sleep(self, seconds):
        with self.cond:
            if threading.current_thread() is threading.main_thread():
                self._advance(self.now + max(0.0, seconds))  # the loop's thread blocks
                return
            wake = self.now + max(0.0, seconds)
            self.sleepers.append(wake)
            self.cond.notify_all()
            while self.now < wake:
                self.cond.wait()
            if wake in self.sleepers:  # due at once: nobody woke it
                self.sleepers.remove(wake)
            self.cond.notify_all()

    def job_done(self, _future):
        with self.cond:
            self.jobs -= 1
            self.cond.notify_all()

    def settle(self):
        """Waits (in real time) until every executor job sleeps or has finished."""
        with self.cond:
            while self.jobs > len(self.sleepers):
                self.cond.wait(0.01)

    def _advance(self, when):
        # Under the lock: the threads due by `when` leave the sleepers as they wake, so that
        # `settle` waits for them to sleep again or finish.
        if when > self.now:
            self.now = when
        self.sleepers = [w for w in self.sleepers if w > self.now]
        self.cond.notify_all()

    def advance_to(self, when):
        with self.cond:
            self._advance(when)


CLOCK = Clock()
time.sleep = CLOCK.sleep
# The program reads the loop's clock as the engine's programs do.
time.monotonic = time.perf_counter = lambda: CLOCK.now


_cancel = asyncio.Handle.cancel
_LABELS = {}  # id(handle) -> (handle, label) of cancelled handles (Handle has __slots__)


def _cancel_keeping_label(self):
    """CPython forgets a cancelled handle's callback: its label is kept for the record."""
    if not self._cancelled:
        _LABELS[id(self)] = (self, label(self))
    _cancel(self)


asyncio.Handle.cancel = _cancel_keeping_label


class OrderedTimer(asyncio.TimerHandle):
    """A timer that sorts after those set before it at the same deadline."""
    _set = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        OrderedTimer._set += 1
        self._order = OrderedTimer._set

    def __lt__(self, other):
        # As the engine orders its heap: deadlines in whole nanoseconds, then the order set.
        return (round(self._when * 1e9), self._order) < (round(other._when * 1e9), other._order)
SELF_PIPE = 'BaseSelectorEventLoop._read_from_self'


ASYNCIO_DIR = os.path.dirname(asyncio.__file__)
TITLES = {}  # id(task) -> (task, title): `meow(1)`, the coroutine and its arguments at creation


def short_repr(v):
    """A value as the engine's trace shows a coroutine's argument (recorder.rs `short_repr`)."""
    if v is None or isinstance(v, bool):
        return repr(v)
    if isinstance(v, int):
        return str(v) if -2**63 <= v < 2**63 else '…'
    if isinstance(v, float):
        return repr(v)
    if isinstance(v, str):
        return f"'{v[:16]}…'" if len(v) > 16 else f"'{v}'"
    for kind, text in ((list, '[…]'), (tuple, '(…)'), (dict, '{…}')):
        if isinstance(v, kind):
            return text
    if isinstance(v, (asyncio.AbstractEventLoop, asyncio.Future)):
        return '…'  # native in the engine, as in CPython's C module
    module = sys.modules.get(type(v).__module__)
    if getattr(module, '__file__', '') and module.__file__.endswith('.py'):
        return f'<{type(v).__name__}>'  # an instance of a class written in Python
    return '…'


def title_of(coro):
    code = getattr(coro, 'cr_code', None)
    frame = getattr(coro, 'cr_frame', None)
    if code is None or frame is None:
        return f'{type(coro).__name__}()'  # an awaitable that is not a coroutine
    n = code.co_argcount + code.co_kwonlyargcount
    parts = [short_repr(frame.f_locals.get(name)) for name in code.co_varnames[:n]]
    if code.co_filename.startswith(ASYNCIO_DIR):
        while parts and parts[-1] == 'None':
            parts.pop()
    text = ', '.join(parts)
    if len(text) > 40:
        text = text[:39] + '…'
    return f"{coro.__qualname__.rsplit('.', 1)[-1]}({text})"


_task_init = asyncio.Task.__init__


def _task_init_keeping_title(self, coro, *args, **kwargs):
    TITLES[id(self)] = (self, title_of(coro))
    _task_init(self, coro, *args, **kwargs)


asyncio.Task.__init__ = _task_init_keeping_title


def label(handle):
    if handle._callback is None and id(handle) in _LABELS:
        return _LABELS[id(handle)][1]
    callback = handle._callback
    owner = getattr(callback, '__self__', None)
    func = getattr(callback, '__func__', callback)
    name = getattr(func, '__name__', '')
    if isinstance(owner, asyncio.Task):
        title = TITLES.get(id(owner), (None, '?()'))[1]
        if name in ('__step', '_Task__step'):
            return f'step {title}'
        if name in ('__wakeup', '_Task__wakeup'):
            return f'wakeup {title}'
    return getattr(func, '__qualname__', None) or repr(callback)


REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ORACLE = None  # the practice API's process, started by a program's first request
API_QUERY = ''  # its settings: the program's `# api:` line
PENDING = []  # answers on their way: [respond_at, order, future, result]
ORDER = itertools.count()
# What the engine's virtual network says of any other URL (crates/engine/src/run/network.rs).
NO_NETWORK = ('no network on the virtual clock: only the practice API (/api/...) answers here; '
              'run in real time in the page to fetch other URLs')
LOCAL_TEST_SERVERS = ('http://0.0.0.0:8000', 'http://localhost:8000', 'http://127.0.0.1:8000')


def _escape(text):
    return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')


def _unescape(text):
    out, chars = [], iter(text)
    for c in chars:
        if c == '\\':
            c = {'t': '\t', 'n': '\n', 'r': '\r'}.get(nxt := next(chars, ''), nxt)
        out.append(c)
    return ''.join(out)


def answer(method, url, headers, body):
    """(when it arrives, the result `_start` resolves with: a tuple, or a failure's message)."""
    for origin in LOCAL_TEST_SERVERS:
        if url.startswith(origin) and url[len(origin):][:1] in ('', '/', '?'):
            url = '/api' + url[len(origin):]
    if not (url == '/api' or url.startswith(('/api/', '/api?'))):
        return CLOCK.now, NO_NETWORK
    if isinstance(body, (bytes, bytearray)):
        body = bytes(body).decode('utf-8', 'replace')
    global ORACLE
    if ORACLE is None:
        oracle = os.environ.get('AWAITLAB_PRACTICE_ORACLE') or os.path.join(REPO, 'target/release/awaitlab-practice-oracle')
        ORACLE = subprocess.Popen([oracle, API_QUERY], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    fields = [method.upper(), url, repr(CLOCK.now), body if isinstance(body, str) else '']
    for k, v in headers or ():
        fields += [str(k), str(v)]
    try:
        ORACLE.stdin.write('\t'.join(_escape(f) for f in fields) + '\n')
        ORACLE.stdin.flush()
        status, reason, at, text, *pairs = [_unescape(f) for f in ORACLE.stdout.readline().rstrip('\n').split('\t')]
    except (OSError, ValueError) as e:
        # No recording at all rather than one cut short by a missing or failed oracle.
        print(f'the practice API oracle failed ({e}): build it with cargo build --release -p awaitlab-cli', file=sys.stderr)
        os._exit(4)
    reply_headers = [(pairs[i], pairs[i + 1]) for i in range(0, len(pairs) - 1, 2)]
    return float(at), (int(status), reason, reply_headers, text.encode(), url)


def _start(method, url, headers=(), body=None):
    """The engine's native under aiohttp: a future the answer resolves."""
    future = asyncio.get_running_loop().create_future()
    at, result = answer(method, url, headers, body)
    PENDING.append([at, next(ORDER), future, result])
    return future


def _blocking(method, url, headers=(), body=None, timeout=None):
    """The engine's native under requests: the thread waits for the answer (the loop's thread:
    the whole program)."""
    at, result = answer(method, url, headers, body)
    if timeout is not None and at - CLOCK.now > timeout:
        at, result = CLOCK.now + timeout, 'Read timed out'
    CLOCK.sleep(max(0.0, at - CLOCK.now))
    done = concurrent.futures.Future()
    done.set_result(result)
    return done


def deliver_due():
    """Answers due by now, earliest first (ties in the order asked): their futures complete."""
    due = sorted((p for p in PENDING if p[0] <= CLOCK.now), key=lambda p: (p[0], p[1]))
    for p in due:
        PENDING.remove(p)
        if not p[2].done():
            p[2].set_result(p[3])
    return bool(due)


def install_http(program):
    """`aiohttp` and `requests` as the engine has them, answered by the practice API with the
    program's `# api:` settings."""
    global API_QUERY
    with open(program) as f:
        API_QUERY = next((line[len('# api: '):].strip() for line in f if line.startswith('# api: ')), '')
    # The engine's own hooks for its timeline: a resource's lane, what a future is called.
    asyncio._n_resource = lambda *args: None
    asyncio.Future._set_label = lambda self, label, owner=None: None
    for name in ('aiohttp', 'requests'):
        module = types.ModuleType(name)
        module._start, module._blocking = _start, _blocking
        # A module written in Python: its objects show as `<ClientSession>` (short_repr).
        module.__file__ = os.path.join(REPO, 'crates/engine/lib', name + '.py')
        for part in ('_http_common', name):
            path = os.path.join(REPO, 'crates/engine/lib', part + '.py')
            with open(path) as f:
                exec(compile(f.read(), f'<{part}>', 'exec'), module.__dict__)
        sys.modules[name] = module


class RecordingLoop(asyncio.SelectorEventLoop):
    def time(self):
        return CLOCK.now

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = OrderedTimer(when, callback, args, self, context)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        with CLOCK.cond:
            CLOCK.jobs += 1
        inner = executor.submit(func, *args)
        outer = asyncio.wrap_future(inner, loop=self)
        inner.add_done_callback(CLOCK.job_done)  # after wrap_future's, which wakes the loop
        return outer

    def _select(self, timeout):
        """select() on the virtual clock: what is ready now; else the clock moves on."""
        deadline = None
        if timeout is not None:
            deadline = self._scheduled[0]._when if self._scheduled and not self._ready else CLOCK.now + timeout
        while True:
            CLOCK.settle()
            events = self._selector.select(0)
            answered = deliver_due()
            if events or answered or timeout == 0 or (deadline is not None and CLOCK.now >= deadline):
                return events
            wakes = list(CLOCK.sleepers) + ([deadline] if deadline is not None else []) + [p[0] for p in PENDING]
            if not wakes:
                return self._selector.select(None)  # nothing will ever happen: as CPython
            CLOCK.advance_to(min(wakes))

    def _snapshot(self):
        ready = [label(h) for h in self._ready if label(h) != SELF_PIPE]
        if not ready:
            return
        if len(ITERATIONS) >= MAX_ITERATIONS:
            # A program that spins (busy polling on the clock) never ends on a virtual clock.
            print(f'more than {MAX_ITERATIONS} iterations: not recorded', file=sys.stderr)
            os._exit(3)
        timers = sorted(self._scheduled)
        ITERATIONS.append({
            't': self.time(),
            'ready': ready,
            'timers': [[h._when, label(h), h._cancelled] for h in timers],
        })

    # base_events.BaseEventLoop._run_once of CPython 3.12.1, with the snapshot added.
    def _run_once(self):
        sched_count = len(self._scheduled)
        if (sched_count > _MIN_SCHEDULED_TIMER_HANDLES and
            self._timer_cancelled_count / sched_count >
                _MIN_CANCELLED_TIMER_HANDLES_FRACTION):
            new_scheduled = []
            for handle in self._scheduled:
                if handle._cancelled:
                    handle._scheduled = False
                else:
                    new_scheduled.append(handle)
            heapq.heapify(new_scheduled)
            self._scheduled = new_scheduled
            self._timer_cancelled_count = 0
        else:
            while self._scheduled and self._scheduled[0]._cancelled:
                self._timer_cancelled_count -= 1
                handle = heapq.heappop(self._scheduled)
                handle._scheduled = False

        timeout = None
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            when = self._scheduled[0]._when
            timeout = min(max(0, when - self.time()), MAXIMUM_SELECT_TIMEOUT)

        event_list = self._select(timeout)
        self._process_events(event_list)
        event_list = None

        end_time = self.time() + self._clock_resolution
        while self._scheduled:
            handle = self._scheduled[0]
            if handle._when >= end_time:
                break
            handle = heapq.heappop(self._scheduled)
            handle._scheduled = False
            self._ready.append(handle)

        self._snapshot()

        ntodo = len(self._ready)
        for i in range(ntodo):
            handle = self._ready.popleft()
            if handle._cancelled:
                continue
            handle._run()
        handle = None


class RecordingPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = RecordingLoop


def record(program):
    """Runs `program` in a child process (a fresh interpreter: task names count from 1)."""
    import subprocess
    name = os.path.splitext(os.path.basename(program))[0]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'expected', name + '.loop')
    os.makedirs(os.path.dirname(out), exist_ok=True)
    try:
        subprocess.run([sys.executable, __file__, '--child', program, out], check=True, timeout=60,
                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        print(out)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
        print(f'{program}: not recorded ({e})', file=sys.stderr)
        if os.path.exists(out):
            os.remove(out)


def child(program, out):
    install_http(program)
    asyncio.set_event_loop_policy(RecordingPolicy())
    sys.argv = ['main.py']
    try:
        runpy.run_path(program, run_name='__main__')
    except SystemExit:
        pass
    except BaseException as e:  # the program's own failure is part of its run
        print(f'{type(e).__name__}: {e}', file=sys.stderr)
    with open(out, 'w') as f:
        f.write(f'program\t{os.path.relpath(program)}\n')
        for it in ITERATIONS:
            f.write(f"iteration\t{it['t']}\n")
            for r in it['ready']:
                f.write(f'ready\t{r}\n')
            for when, lbl, cancelled in it['timers']:
                f.write(f"timer\t{when}\t{lbl}\t{'cancelled' if cancelled else 'active'}\n")


if __name__ == '__main__':
    if sys.argv[1] == '--child':
        child(sys.argv[2], sys.argv[3])
    else:
        for p in sys.argv[1:]:
            record(p)
