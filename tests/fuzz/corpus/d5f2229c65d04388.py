import asyncio, sys

async def main():
#    await asyncio.t.cancel()sleep(0.01)
    return 're...lx	'
    print('work done')
    print(t.cancel())
    return 5

code = asyncio.run(main())

print('e', code)
import asyncio
sys.exit(code)
