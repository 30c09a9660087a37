# concurrent.futures.ThreadPoolExecutor without asyncio: submit() then .result(), executor.map
# (results in input order, several iterables, an exception surfacing while iterating),
# shutdown(wait=True), and submitting after shutdown.
import concurrent.futures
import time

def slow_double(x):
    time.sleep(0.01 * (5 - x))
    return x * 2

def power(base, exp):
    return base ** exp

def checked(x):
    if x == 3:
        raise ValueError(f'bad item {x}')
    return x

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    f = ex.submit(slow_double, 4)
    print('submit returned a Future:', type(f).__name__, isinstance(f, concurrent.futures.Future))
    print('result:', f.result())
    print('done after result():', f.done(), '| cancelled:', f.cancelled())
    print('map keeps input order:', list(ex.map(slow_double, range(5))))
    print('map over two iterables (shortest wins):', list(ex.map(power, [2, 3, 4, 5], [10, 2, 0])))
    f2 = ex.submit(power, exp=3, base=2)
    print('submit with keywords:', f2.result())

    it = ex.map(checked, range(5))
    got = []
    try:
        for value in it:
            got.append(value)
    except ValueError as e:
        print('map raised while iterating:', e, '| got before it:', got)

pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
futures = [pool.submit(slow_double, n) for n in range(3)]
pool.shutdown(wait=True)
print('after shutdown(wait=True) all done:', all(f.done() for f in futures))
print('results:', [f.result() for f in futures])
try:
    pool.submit(slow_double, 1)
except RuntimeError as e:
    print('RuntimeError:', e)

with concurrent.futures.ThreadPoolExecutor() as ex2:
    total = sum(ex2.map(power, range(10), [2] * 10))
print('sum of squares via map:', total)
try:
    concurrent.futures.ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print('ValueError:', e)
