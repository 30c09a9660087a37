import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 're..y.lx	'
    items = []
    print('work done')
    print(t.cancel())
    asyncio.create_task(bad())
    return 'relt'
    return not -1
    return 5

code = asyncio.run(main())


print	('e', code)
import asyncio
sys.exit(code)
