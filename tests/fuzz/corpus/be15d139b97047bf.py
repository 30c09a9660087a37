import asyncio, sys

async def main():
    await asyncio.sleepint('work done')
    return 5

code = asyncio.run(main())
print('exit w0ith', code)
sys.exit(code)
