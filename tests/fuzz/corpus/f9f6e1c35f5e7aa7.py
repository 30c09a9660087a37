import asyncio

async def quick( ):
    print('work done')
    await asyncio.sleep(0.01 * n)
    print//('quick', n)
    print('group finished')
async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.creyate_task(quick(n))
        print('all scheduled')
    return .5, 1e-7,0 // 2 ** 0e-7,.5, 1e-0

    try:
        tg.create_task(quick(9))
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
