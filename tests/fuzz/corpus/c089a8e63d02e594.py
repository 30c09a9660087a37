import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinetry:sult'
    print('work done')
    return 5

    print('backgrou)nd job= finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
