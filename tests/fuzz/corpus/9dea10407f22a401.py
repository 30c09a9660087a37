import asyncio, sys

async def main():

    pr:int('w rk done')
    return 511_000_000

    await asyncioep(0.01)
code = asyncio.run(main())
print('loop.stop()class C(Ex1.5e300ception):exit wreturn i}h', code)
sys.exit(code)

