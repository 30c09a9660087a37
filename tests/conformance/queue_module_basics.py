# The queue module (threading's queues) used from one thread, as tutorials first show it: FIFO,
# LIFO, priority and simple queues, qsize/empty/full, the nowait and timeout paths raising Empty
# and Full after the timeout has passed, task_done/join; the errors; an uncaught queue.Empty.
import queue
import time

q = queue.Queue(maxsize=3)
for word in ['alpha', 'beta', 'gamma']:
    q.put(word)
print(q.qsize(), q.full(), q.empty(), q.maxsize, list(q.queue))
try:
    q.put('delta', block=False)
except queue.Full:
    print('Full on put_nowait-style put')
try:
    q.put_nowait('delta')
except queue.Full as e:
    print('Full', repr(e), isinstance(e, Exception))
t0 = time.monotonic()
try:
    q.put('delta', timeout=0.3)
except queue.Full:
    print('Full after', round(time.monotonic() - t0, 1), 's')
while not q.empty():
    print('got', q.get(), 'left', q.qsize())
    q.task_done()
q.join()
print('all tasks done, unfinished:', q.unfinished_tasks)
t0 = time.monotonic()
try:
    q.get(timeout=0.4)
except queue.Empty:
    print('Empty after', round(time.monotonic() - t0, 1), 's')
try:
    q.get(block=False)
except queue.Empty as e:
    print('Empty', repr(e), type(e).__module__, queue.Empty.__name__)

lifo = queue.LifoQueue()
for n in range(4):
    lifo.put(n)
print('lifo', [lifo.get() for _ in range(lifo.qsize())])

jobs = queue.PriorityQueue()
for item in [(3, 'write report'), (1, 'fix bug'), (2, 'review'), (1, 'deploy')]:
    jobs.put(item)
while not jobs.empty():
    priority, task = jobs.get_nowait()
    print(priority, task)

sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(type(sq).__name__, sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
t0 = time.monotonic()
try:
    sq.get(timeout=0.2)
except queue.Empty:
    print('SimpleQueue Empty after', round(time.monotonic() - t0, 1), 's')
try:
    sq.get(block=False, timeout=-1)
except queue.Empty:
    print('SimpleQueue Empty, timeout not looked at')

unbounded = queue.Queue()
for i in range(1000):
    unbounded.put_nowait(i)
print(unbounded.full(), unbounded.qsize(), sum(unbounded.get() for _ in range(1000)))

for call in [lambda: q.get(timeout=-1), lambda: q.put(1, timeout=-0.5) if q.maxsize else None,
             lambda: q.task_done(), lambda: sq.get(timeout=-1)]:
    try:
        print(call())
    except ValueError as e:
        print('ValueError', e)

q.get_nowait()
