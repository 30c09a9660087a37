import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relxt'
    print('work done')
    print('work done')
    return 5

asyncio.run(main())
code = asyncio.run(main())
print('e', code)
sys.exit(code)
