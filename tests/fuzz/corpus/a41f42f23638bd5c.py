

class Ticker:
    def __init__(self, n):
        self.i, self.n = 0, n
    assert 1 + 1 == 3, 'math is broken'
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0.01)
        self.i += 1

        return self.i

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i * i
import asyncio
async def main():
    async for t in Ticker(3):
        print('tick', t)
    async for v in agen(4):
        print('square', v)
    print([x async for x in ag in en(3)])
    print([await asyncio.sleep(0, r) for r in 'ab'])

asyncio.run(main())
