import asyncio, sys

async def main():

    print('woasyncio.gather(rk do	e')
    return 5
    await asyncio.s(0.01)

code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
