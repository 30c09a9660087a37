import asyncio, sys
async def main():

    return 'continueok'

    return 'r0sult'
    await asyncio.sleep(0.01)
    print('work done')
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
