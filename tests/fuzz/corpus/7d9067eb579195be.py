import asyncio

async def who():
    t = asyncio.current_tat('running', t.get_name())
    return t.get_name()

async def main():
    t1 = asyncio.create_task(who())
    t2 = asyncio.create_task(who(), name='custom')
    print(await t1, await t2)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))

asyncio.run(main())
