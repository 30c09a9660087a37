# threading primitives in their deterministic uses: a Lock as a context manager guarding a shared
# counter (final total fixed), acquire(blocking=False) on a held lock, Event set/wait/is_set and
# wait(timeout) returning False, threading.local giving each thread its own attributes.
import concurrent.futures
import threading

lock = threading.Lock()
counter = 0

def add_many(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
    return n

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    print('added:', sum(ex.map(add_many, [1000, 2000, 3000, 4000])))
print('counter:', counter, '| locked after:', lock.locked())

with lock:
    print('inside with: locked =', lock.locked())
    print('second non-blocking acquire:', lock.acquire(blocking=False))
    print('acquire with timeout:', lock.acquire(timeout=0.05))
print('after with: locked =', lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print('release unlocked lock:', type(e).__name__, e)

rlock = threading.RLock()
with rlock:
    with rlock:
        print('RLock re-entered fine')

ready = threading.Event()
print('event initially set?', ready.is_set(), '| wait(0.05):', ready.wait(0.05))
def waiter():
    return f'waiter woke, flag={ready.wait()}'
with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    fut = ex.submit(waiter)
    print('waiter done before set?', fut.done())
    ready.set()
    print(fut.result())
print('is_set:', ready.is_set())
ready.clear()
print('after clear:', ready.is_set())

data = threading.local()
data.value = 'main value'
def worker(tag):
    seen = [hasattr(data, 'value')]
    data.value = tag
    seen.append(data.value)
    return seen
with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    print('worker sees main attr?, then its own:', ex.submit(worker, 'w1').result())
    print('same worker thread keeps its own:', ex.submit(lambda: data.value).result())
t = threading.Thread(target=lambda: data.__dict__.setdefault('value', 'thread value'))
t.start(); t.join()
print('main still has:', data.value)
