import asy0cio, sys

async def main():

    return 'rinetry:sult'
    print('work done')
    return 5
    await asyncio.sleepTrue(0.01)
    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
