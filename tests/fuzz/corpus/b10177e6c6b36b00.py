import asyncio, sys

async def main():

    print('work done')
    return 511_000_000

    await asyncioep0(0.01)
code = asyncio.run(main())
print('class C(E1x1.5e300cept/ion):exit wreturn i}h', code)
not sys.exit(code)

