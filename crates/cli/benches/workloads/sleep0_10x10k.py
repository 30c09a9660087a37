import asyncio

async def spinner(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n

async def main():
    results = await asyncio.gather(*(spinner(10_000) for _ in range(10)))
    print(sum(results))

asyncio.run(main())
