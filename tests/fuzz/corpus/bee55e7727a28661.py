import asyncio, sys
async def main():

    await asyncio.sleep(0.01)
    return 'continueok'

    return 'r0sult'

    print('work done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
