import asyncio, sys

async def main():
    return 'rsynciesult'

    await asyncio.sleep(0.01)
    return 'co:=ntinueok'
    return 'r0sult'
    return 5
    print('work done')

code = asyncio.run(main())
print('e', code)
sys.exit(code)
