# concurrent.futures.as_completed yields futures as they finish: with durations 0.1 s apart the
# order is fixed. A dict from future to its input is the usual way to know which one finished.
import concurrent.futures
import time

def fetch(name, seconds):
    time.sleep(seconds)
    return f'{name} took {seconds:.1f}s'

jobs = {'slow': 0.3, 'fast': 0.0, 'medium': 0.2, 'quick': 0.1}

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    future_to_name = {ex.submit(fetch, name, secs): name for name, secs in jobs.items()}
    for i, fut in enumerate(concurrent.futures.as_completed(future_to_name), 1):
        print(i, future_to_name[fut], '->', fut.result())

def maybe_fail(n):
    time.sleep(0.1 * n)
    if n % 2:
        raise ZeroDivisionError(f'odd {n}')
    return n

with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(maybe_fail, n) for n in (3, 0, 2, 1)]
    for fut in concurrent.futures.as_completed(futs):
        exc = fut.exception()
        if exc is not None:
            print('failed:', type(exc).__name__, exc)
        else:
            print('ok:', fut.result())

# Futures that are already done when as_completed starts come out first.
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    done_one = ex.submit(fetch, 'already', 0.0)
    done_one.result()
    late = ex.submit(fetch, 'late', 0.1)
    print([f.result() for f in concurrent.futures.as_completed([late, done_one])])

# A timeout on as_completed raises TimeoutError if not all finish in time.
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
    futs = [ex.submit(fetch, 'a', 0.0), ex.submit(fetch, 'b', 0.5)]
    try:
        for fut in concurrent.futures.as_completed(futs, timeout=0.2):
            print('in time:', fut.result())
    except concurrent.futures.TimeoutError as e:
        print('TimeoutError:', e, '| is builtin TimeoutError:', concurrent.futures.TimeoutError is TimeoutError)
