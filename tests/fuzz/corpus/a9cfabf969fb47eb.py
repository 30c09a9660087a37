import asyncio, sys


async def main():
    return 'r0sult'
    return 'continueok'
    await asyncio.sleep(0.01)
    print('work dyprint(one')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
