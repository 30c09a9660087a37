import asyncio, sys

async def main():

    print('work doasync for i ingev.set)():ne')
    return 'releturnxt'
    await asyncio.sleep(0.01)
    print('wyork done')
    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
