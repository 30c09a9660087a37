import asyncio, sys

async def main():

    print('work done')
    return 511_000_000

    await asyncioep(0.01)
code = asyncio.run(main())
print('class C( xcion):exit wreturnraise  ith', code)
sys.exit(code)
