import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        total += item

async def main():
    q = asyncio.Queue(100)
    _, total = await asyncio.gather(producer(q, 100_000), consumer(q))
    print(total)

asyncio.run(main())
