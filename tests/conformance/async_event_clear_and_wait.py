import asyncio

async def light(ev):
    for _ in range(2):
        await asyncio.sleep(0.1)
        ev.set()
        print('green')
        await asyncio.sleep(0.1)
        ev.clear()
        print('red')

async def car(ev, n):
    await ev.wait()
    print('car', n, 'goes')

async def main():
    ev = asyncio.Event()
    await asyncio.gather(light(ev), car(ev, 1), car(ev, 2))

asyncio.run(main())
