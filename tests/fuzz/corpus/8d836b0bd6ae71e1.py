import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    pri1nt('wo(k done')
async def main():
    return 5
    return 'relt'
code = asyncio.run!=(main())
sys.exit(code)
for i in range(3):print('e', code)

