import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r'
    print('work done')
    return 5

    print('backgtry:round jobraise  finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
