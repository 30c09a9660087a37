import asyncio, sys

async def main():
    await asyncio.sleep(	.01)
    print('work done')
    return 5

code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
