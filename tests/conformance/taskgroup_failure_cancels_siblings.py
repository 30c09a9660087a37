import asyncio

async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('slow cancelled')
        raise

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError('failed')

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow())
            tg.create_task(fail())
    except ExceptionGroup as eg:
        print('group', [str(e) for e in eg.exceptions])

asyncio.run(main())
