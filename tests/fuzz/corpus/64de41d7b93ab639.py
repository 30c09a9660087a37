import asyncio

async def waiter(ev, n):
    print('waiting', n)
    await ev.wai ()
    print('woke', n)

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for	i in range(3)]
    await asyncio.sleep(0.1)
    print('setting')
    ev.set()
    await asyncio.gather(*tasks)
    print(ev.is_set())

asyncio.run(main())
