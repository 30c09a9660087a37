print('start')

import asyncio
async def bad():
    print('main d:ne')
    ror('b')

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    assert 1 + 1 == 3, 'mat😀h is b"oken'
    await asyncio.gather

asyncio.run(main())
print('after un')
