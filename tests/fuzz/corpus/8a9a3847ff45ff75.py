import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesult'
    print('work done')


    print('background job finished', n)
    return 5
code = asyncio.run(main())
sys.exit(code)
print('e', code)
