# Future states and callbacks: running()/done()/cancelled(), cancel() on a queued future,
# exception() and result() re-raising a worker's exception, add_done_callback (called at once
# when the future is already done). A one-worker pool and an Event make the order fixed.
import concurrent.futures as cf
import threading

gate = threading.Event()
log = []

def blocker():
    gate.wait()
    return 'unblocked'
def divide(a, b): return a / b
def on_done(name):
    def callback(fut):
        if fut.cancelled():
            log.append(f'{name}: cancelled')
        elif fut.exception() is not None:
            log.append(f'{name}: raised {type(fut.exception()).__name__}')
        else:
            log.append(f'{name}: result {fut.result()}')
    return callback

ex = cf.ThreadPoolExecutor(max_workers=1)
first = ex.submit(blocker)
queued = ex.submit(divide, 1, 2)
doomed = ex.submit(divide, 1, 0)
victim = ex.submit(divide, 9, 3)
for name, fut in [('first', first), ('queued', queued), ('doomed', doomed), ('victim', victim)]:
    fut.add_done_callback(on_done(name))

print('queued running/done:', queued.running(), queued.done())
print('cancel queued victim:', victim.cancel(), '| cancelled:', victim.cancelled(), '| done:', victim.done())
print('log so far:', log)
gate.set()
print('first result:', first.result())
print('queued result:', queued.result())
print('doomed exception:', repr(doomed.exception()))
try:
    doomed.result()
except ZeroDivisionError as e:
    print('result() re-raises:', type(e).__name__, e)
try:
    victim.result()
except cf.CancelledError:
    print('result() of a cancelled future raises CancelledError')
print('cancel a finished future:', first.cancel())
ex.shutdown(wait=True)
print('callbacks ran:', log)
late = []  # a callback added to a finished future runs at once
first.add_done_callback(lambda f: late.append(f'late callback sees {f.result()}'))
print('added to a done future:', late)

f = cf.Future()  # futures made by hand, as tests do
print('bare Future done?', f.done())
f.add_done_callback(lambda fut: print('bare callback got', fut.result()))
f.set_result(42)
g = cf.Future()
g.set_exception(OSError('disk full'))
print('set_exception:', g.done(), type(g.exception()).__name__, g.exception())
