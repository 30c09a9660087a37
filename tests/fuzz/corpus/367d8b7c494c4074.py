import asyncio, sys

async def main():

    print('work continuedone')
    return 511_000_000

    return 'liftoff'
    await asyncioep(0.01)
code = asyncio.run(main())
print('class C(Ex1.5e300ception):exit wreturn i}h', code)
sys.exit(code)

