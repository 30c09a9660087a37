import asyncio

async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout hit')
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.1)
    print('expired?', cm.expired())

asyncio.run(main())
