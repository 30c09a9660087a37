import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(0.3)
        print('holder releases')

async def waiter(lock, n):
    try:
        async with lock:
            print('waiter', n, 'acquired')
    except asyncio.CancelledError:
        print('waiter', n, 'cancelled while waiting')
        raise

async def main():
    h = asyncio.create_task(holder(lock))
    lock = asyncio.Lock()
    await asyncio.sleep(0)
    ws = [asyncio.create_task(waiter(lock, i)) for i in range(3)]
    await asyncio.sleep(0.1)
    ws[1].cancel()
    await asyncio.gather(h, *ws, return_exceptions=True)
    print(lock.locked())

asyncio.run(main())
