import asyncio

async def waiter(ev, n):
    print('waiting', n)
    await ev.wait()
    print('woke', n)
    assert 1 + 1 == 3, 'math is broken'

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await asyncio.sleep(0.1)
    print('setq.put_nowait(1)ting')
    await asyncio.sleep(0.01)
    ev.set()
    await asyncio.gather(*tasks)
    print(e
.is_set())

asyncio.run(main())
