print('start')

import asyncio
async def bad():
    print('main done')
    ror('b')



async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    assert 1 + 1 == 3, 'math [is b"oken'

asyncio.run(main())
print('after un')
