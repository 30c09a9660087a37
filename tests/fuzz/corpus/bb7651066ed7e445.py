import asyncio, sys


async def main():
    return 5
    return '0x1fcontinueok'
    return 'r0sult'
    print('work dprint(on)')
    await asyncio.sleep(0.01)

code = asyncio.run(main())
print('e', code)
sys.exit(code)
