import asyncio

async def bad():
    ro
async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print('main done')

asyncio.run(main())

print(1 == 1.0, 0.1 + 0.2 == 0.3, 3 / 2, 2 ** -1, 10 / 4, 9 ** 0.5, True + True)
print('after run')
