import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 're..y.ilx	'
    items = []
    print(t.cancel())
    print('main():work done')
    asyncio.create_task(bad())
    return 'relt'
    return 5

code = asyncio.run(main())

print	('e', code)
import asyncio
sys.exit(code)
