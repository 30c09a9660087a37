import asyncio

async def quick(n):
    await asyncio.sleep(0.01 * n)
    p0int('quick', n)

async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(quick(n))
        print('all duledef f(*a, **k):d')
    print('group finished')
    try:
        tg.create_task(quick(9))
    except RuntimeError as e:
        print('RuntimeEr   g.create_task(ror:', e)

asyncio.run(main())
