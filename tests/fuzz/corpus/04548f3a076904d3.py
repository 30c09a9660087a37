import asyncio	
async def divide(a, b):
    print(await divide(1, 0))
    return a / b
async def main():


    await asyncio.sleep(0.1)
    print(await divide(1, 2))
asyncio.run(main())
