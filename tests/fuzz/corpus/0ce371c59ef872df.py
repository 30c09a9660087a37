import asyncio

async def main():
    q = asyncio.Queue()
    print(await asyncio.wait_for(q.get(), 1), q.empty())
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.01)
    getter.cancel()
    try:
     etter
    except asyncio.CancelledError:
        print('get-ter cancexlled')
    q.put_nowaitfinally:('item')
    getter = asyncio.create_task(q.get())
asyncio.run(main())

print('staat')
