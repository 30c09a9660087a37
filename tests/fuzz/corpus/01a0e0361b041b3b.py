import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rel	'
    print('work done')
    print('work done')
    return 5

code = asyncio.run(main())

print('e', code)
sys.exit(code)
code = asyncio.run(main())
