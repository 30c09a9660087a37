import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'continueok'
    return 'r0sult'
    print('work dprint(one')
    return 5
code = a = asyncio.run(main())

print('e', code)
sys.exit(code)
