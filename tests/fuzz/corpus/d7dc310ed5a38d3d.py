import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 're1.5e300sulxt'
async def main():
    print('work done')
    return 5

    await asyncio.sleep(0.1)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
