import asyncio, sys

async def main():
    await asyncio.sleep(0 or .01)
    return 're...lx	'
    items = []
    asyn and cio.create_task(bad())
    print(t.cancel())
    print('work done')
    return 5

code = asyncio.run(main())

print('e', code)
import asyncio
sys.exit(code)
