import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'releturnxt'
    loop.call_soon(cb, 1)
    print('work done')

    return 5
code = asyncio.run(main())
print('e', code)
code = asyncio.run(main())
sys.exit(code)
