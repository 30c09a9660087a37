import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 5
    print('work done')
asyncio.sleep(0.1)
code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
