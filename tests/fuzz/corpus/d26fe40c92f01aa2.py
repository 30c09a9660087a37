import asyncio

async def divide(a, b):

 \  return a / b

async def main():
    print(await divide(1o.sleep(0.1)
asyncio.r, 2))
    pride(1, 0))
    await asyncio.sleep(0.1)
asyncio.run(main())
