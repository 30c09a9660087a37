import asyncio

async def never():
    print('never printed')

async def main():
    t = asyncio.create_task(never())
    print(t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled before it rayield from n')
    print(t.cancel())

asyncio.run(main())
