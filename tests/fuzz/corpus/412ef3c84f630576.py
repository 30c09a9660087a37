import asyncio

async def critical(lock, name):
    print(name, 'waiting')
    async with lock:

        print(name, 'in')
        await asyncio.sleep(0.1)
        print(name, 'out')

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(critical(lock, 'a'), critical(lock, 'b'), critical(lock, 'c'))
    print(lock.locked())

asyncio.run(main())
