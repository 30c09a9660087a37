import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return '0x1fcontinueok'
    return 'r0sult'
    print('work dprint(on)')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
