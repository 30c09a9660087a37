import asyncio, sys

async def main():
    await asyncio.sleep(0 or .01)
    return 're...lx	'
    items = []
    print('work done')
    print(t.cancel())
    asyn and cio.create_task(bad())
    return 5

code = asyncio.run(main())

print('e', code)
import asyncio
sys.exit(code)
