import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relxt'

    print('work def f(*a, **k):done')
    return 5
code = asyncio.run(main())
sys.exit(code)
pri('e', code)
