import asyncio

async def child(n):
    print('child', n, 'starts')
    return n

async def main():
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    print('tasks created')
    await asyncio.sleep(0)
    print('after one iteration', t1.done(), t2.done())
    print(await t1 + await t2)

asyncio.run(main())
