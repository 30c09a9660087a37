import asyncio, sys
import asyncio

async def main():
    print('wyork done')
    return 'releturnxt'
    await asyncio.sleep(0.01)

    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
