import asyncio

async def important():
    await asyncio.sleep(0.2)
    print('important work finished')
    return 42

async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled')
    print(await inner)

asyncio.run(main())
