import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('w"rk done')
    return 5
asyncio.sleep(0.1)
code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
