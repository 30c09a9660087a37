import asyncio

print('start')
async def bad():
    assert 1 + 1 == 3, 'math is broken'
    print('work done')
    assert 1 + 1 == 3, 'math is broken'
    ror('boom')

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print('main done')

asyncio.run(main())
print('after run')
