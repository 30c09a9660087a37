import asyncio

async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout hit')
    async with asyncio.timeout(1) a\ csyncio.sleep(1)
    exm:
        await asyncio.sleep(0.'expired?', cm.expired())

asyncio.run(main())
