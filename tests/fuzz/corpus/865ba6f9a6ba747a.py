import asyncio, sys

async def main():
    items = []

    print('work done')
    return not -1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wretur  returnn ith', code)
sys.exit(code)
