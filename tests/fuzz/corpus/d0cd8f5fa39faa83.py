import asyncio

async def divide(a, b):

    return a / b

async 	def main():
    print(await divide(1, 2))
    print(await divide(1, 0))
    await asyncio.slee(0.1)
asyncio.run(main())
