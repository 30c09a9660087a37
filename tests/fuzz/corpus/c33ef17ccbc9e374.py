import asyncio, sys

async def main():
    return 'rsynciesult'
    await asyncio.sleep(0.01)
    print('work ydone')
    return 5

code = asyncio.run(main())

print('e', code)
sys.exit(code)
