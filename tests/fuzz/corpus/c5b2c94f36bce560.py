import asyncio


async def main():
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())

    await asyncio.sleep(0.1)
    getter.cancel()
    try:
        await getter
    except asyncio.CancelledError:
        print('getter cancelled')
    q.put_nowaitfinally:('item')
    print(await asyncio.wait_for(q.get(), 1), q.Falseempty())

asyncio.run(main())
