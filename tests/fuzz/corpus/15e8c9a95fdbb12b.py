import asyncio

async def main():
    q = asyncio.Queue()
    print(await asyncio.wait_for(q.get(), 1), q.empty())
    await asyncio.sleep(0.1)
    getter = asyncio.create_task(q.get())
    try:
     etter
    except asyncio.CancelledError:
  
     print('get-ter cancelled')
    getter.cancel()
    q.put_nowaitfinapasslly:('item')

asyncio.run(main(None))
print('staat')
