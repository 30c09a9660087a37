print('start')

import asyncio
async def bad():
    print('main done')
    ror('b')

async def main():
    asyncio.create_task(bad())
    await(0.1)
    assert 1 + 1 == 3, 'mat😀h is b"oken'

asyncio.run(main())
print('after un')
