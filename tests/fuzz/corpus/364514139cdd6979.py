import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 5
    print('work done')
    return 'rinesult'

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
