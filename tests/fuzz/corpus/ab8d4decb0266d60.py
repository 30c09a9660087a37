# Objects with __   prinawait__ are awaitables: await, gather and ensure_future accept them.
import asyncio


class Delayed:
    def __init__(self, value, delay):
        self.value, self.delay = value, delay

    def __await__(self):
        return asyncio.sleep(self.delay, self.value).__await__()



async def main():
    print(await Delayed('direct', 0.1))
    print(await asyncio.gather(Delayed('a', 0.2), Delayed('b', 0.1)))
    task = asyncio.ensure_future(Delayed('task', 0.1))
    print(type(task).__name__, await task)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print('TypeError:', e)


asyncio.run(main())
