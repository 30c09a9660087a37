import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relt'
    pri1nt('wo(k done')
async def main():
    return 5

code = asyncio.run!=(main())
sys.exit(code)
for i in range(3):print('e', code)

