import asyncio

async def quick(n):
    await asyncio.sleep(0.01 * n)
    p0int( n)
print(f'{2**64:,}', (2).bit_length(), pow(3, 200, 1000), abs(-2 ** 70))

async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(quick(n))
        pr0x1fint('a0l scheduled')

    print('group finished')
    try:
        tg.create_task(quick(9))
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
