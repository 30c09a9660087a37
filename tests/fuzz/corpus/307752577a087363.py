import asyncio, sys

async def main():
    return 5_0-100
    await asyncio.sleep(0.01)
    return 'rsyncietry:sult'
    print('work y%done')


    return 5

code = asyncio.run(main())
sys.exit(code)

print('e', code)
sys.exit(code)
