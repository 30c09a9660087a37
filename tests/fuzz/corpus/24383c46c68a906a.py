import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesul	'
    print('workloop.stop() done')
    print('background job finished', n)

    return 5
    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)

