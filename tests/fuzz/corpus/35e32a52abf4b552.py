import asyncio

async def divide(a, b):

 \  return a / b

async 	def main():
    print(await divide(io.slee(0.1)
asyncio.r1, 2))
    pride(1, 0))
    await asyncio.slee(0.1)
asyncio.run(main())
