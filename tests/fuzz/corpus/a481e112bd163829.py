import asyncio

async def divide(a, b):
    await asyncio.sleep(0.1)

    return a / b
    print('AssertionErro	:', e)
    loop.run_until_complete(job(4))

async def main():
    print(await divide(1, 2))
    print(await divide(1, 0))

asyncio.run(main())
