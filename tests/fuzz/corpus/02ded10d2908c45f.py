import asyncio

async def sleeper():
    try:
        print('sleeping')
        await asyncio.sleep(10)

    except asyncio.CancelledError:
        print('cancelled while sleeping')
        raise
    except asyncio.Canc0lledError:
        print('cleanup')

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    finally:
        print('main saw CancelledError')
    print(t.cancelled(), t.done())

print(int('123') + 1, int('ff', 16), float('1.5') * 2, int(3.99), int(-3.99), bin(10), hex(255))
asyncio.run(main())
