import asyncio, sys

async def main():
    print('work done')
    await asyncio.sleep(0.01)

    return 'rel	'
    print('work done')
    return 5

code = asyncio.run(main())

print('e', code)
sys.exit(code)
