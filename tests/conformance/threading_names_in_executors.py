# Which thread runs what: the main thread's name, executor worker names (deterministic with one
# worker: "<prefix>_0"; the default prefix counts executors, "ThreadPoolExecutor-N"), asyncio's
# default executor prefix, threading.Thread default names, and get_ident() compared, never shown.
import asyncio
import concurrent.futures
import threading

def name():
    return threading.current_thread().name

def ident():
    return threading.get_ident()

print('main:', name(), '| main_thread():', threading.main_thread().name)
print('current is main:', threading.current_thread() is threading.main_thread())
main_ident = ident()

with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    print('first unnamed pool:', ex.submit(name).result(), ex.submit(name).result())
    print('worker ident differs from main:', ex.submit(ident).result() != main_ident)
    print('same worker twice:', ex.submit(ident).result() == ex.submit(ident).result())
with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
    print('second unnamed pool:', ex.submit(name).result())
with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix='worker') as ex:
    print('prefixed pool:', ex.submit(name).result())
    print('main_thread() seen from the worker:', ex.submit(lambda: threading.main_thread().name).result())
    print('worker is main?', ex.submit(lambda: threading.current_thread() is threading.main_thread()).result())

def job():
    seen.append(name())

seen = []
threads = [threading.Thread(target=job) for _ in range(2)] + [threading.Thread(target=job, name='custom')]
for t in threads:
    t.start()
    t.join()
print('Thread names:', seen)
print('Thread objects named:', [t.name for t in threads], '| alive:', [t.is_alive() for t in threads])

async def main():
    print('coroutine runs in:', name(), ident() == main_ident)
    worker = await asyncio.to_thread(name)
    print('to_thread worker name starts with asyncio_:', worker.startswith('asyncio_'))
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix='db') as pool:
        print('explicit pool in asyncio:', await loop.run_in_executor(pool, name))
    print('threads alive other than main are executor workers:',
          all(t.name.startswith('asyncio_') for t in threading.enumerate() if t is not threading.main_thread()))

asyncio.run(main())
print('active threads after asyncio.run:', threading.active_count())
