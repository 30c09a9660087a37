import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rsynciesult'
    pnt('work done')
    return rint('work done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
coyncio.run(main())

