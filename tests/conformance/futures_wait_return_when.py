# concurrent.futures.wait with return_when=FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED,
# and a timeout: the (done, not_done) sets, printed sorted since sets have no order.
import concurrent.futures as cf
import time

def job(n):
    time.sleep(0.1 * n)
    if n == 2:
        raise KeyError(n)
    return n * 100

def results_of(futs):
    out = []
    for f in futs:
        out.append(f.result() if f.exception() is None else f'{type(f.exception()).__name__}{f.exception().args}')
    return sorted(out, key=str)

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(job, n) for n in (3, 1, 4)]
    done, not_done = cf.wait(futs, return_when=cf.FIRST_COMPLETED)
    print('FIRST_COMPLETED:', len(done), 'done', results_of(done), '|', len(not_done), 'pending')
    done, not_done = cf.wait(futs, return_when=cf.ALL_COMPLETED)
    print('ALL_COMPLETED:', results_of(done), '| pending', len(not_done))

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(job, n) for n in (1, 2, 4)]
    done, not_done = cf.wait(futs, return_when=cf.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION:', results_of(done), '| pending', len(not_done))

with cf.ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(job, n) for n in (0, 1, 5)]
    done, not_done = cf.wait(futs, timeout=0.3)
    print('timeout 0.3:', results_of(done), '| still running', len(not_done))
    print('wait() returns a named tuple:', type(cf.wait(futs)).__name__)

print('constants:', cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)

# FIRST_EXCEPTION with no exception at all waits for everything.
with cf.ThreadPoolExecutor(max_workers=2) as ex:
    futs = [ex.submit(job, n) for n in (0, 1)]
    result = cf.wait(futs, return_when=cf.FIRST_EXCEPTION)
    print('no exception:', results_of(result.done), len(result.not_done))
