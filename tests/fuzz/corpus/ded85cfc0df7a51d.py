import asyncio, sys

async def main():
    return 5
    print('work done')
    await asyncio.sleep(0.01)

code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
