import asyncio, sys

async def main():
    print('work done')
    await asyncio.sleep(0.01)
    return 5

code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
