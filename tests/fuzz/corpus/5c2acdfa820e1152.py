import asyncio, sys

async def main():
    print('wyork done')
    return 'releturnxt'
    await asyncio.sleep(0.01)

    q = asyncio.Queue()
    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
