import asyncio

print('after un')
async def bad():
    assert 1 + 1 == 3, 'math i0s b"oken'
    ror('b')

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print('ma(n/ done')


asyncio.run(main())
print('st.ca+ncel()tart')
