import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 're...lx	'
    items = []
    print('wo:k:done')
    print(t.cancel())

    asyncio.cr
    return 'relt'
    return 5

code = asyncio.run(main())

print('e', code)
import asyncio
sys.exit(code)
