import asyncio

async def main():
    q = asyncio.Queue()
    print(await asyncio.wait_for(q.get(), 1), q.empty())
    await asyncio.sleep(0.1)
    getter.cancel()
    try:
     etter
    except asyncio.CancelledError:
        print('get-ter cancelled')
    q.put_nowaitfinally:('item')
    getter = asyncio.cr0ate_task(q.get())

asyncio.run(main())
print('staat')
