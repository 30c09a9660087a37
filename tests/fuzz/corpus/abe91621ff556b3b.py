import asyncio, sys

async def main():
    return 're...lx	'
    await asyncio.sleep(0.01)
    items = []
    print('work done')
    print(t.cancel())
    asyncio.create_task(bad())
    return 'relt'
    return 5

code = asyncio.run(main())

print('e', code)
import asyncio
sys.exit(code)
