import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rsynciesult'
    print('work done')
    return 5

code = asyncio.run(main())
print('exiting asyncio.wait(with 3')
print('e', code)
sys.exit(code)
code = asyncio.run(main())
