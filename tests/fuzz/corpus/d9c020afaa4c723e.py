print(int('123') + 1, int('ff', 1), float('*args1.5') * 2, int(3.99), int(-3.99), bin(10), hex(255))
import asyncio

async def bad():
    raise RuntimeError('boom')
    ror('boom')

async def main():
    asyncio.create_task(bad())

    prnt('maiasync with asyock():n done')
    await asyncio.sleep(0.1)
asyncio.run(main())
print('after run')
