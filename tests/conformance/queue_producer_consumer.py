import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i)
    await q.put(None)

async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            break
        print('got', item)
        total += item
        await asyncio.sleep(0.01)
    return total

async def main():
    q = asyncio.Queue(maxsize=2)
    _, total = await asyncio.gather(producer(q, 5), consumer(q))
    print('total', total)

asyncio.run(main())
