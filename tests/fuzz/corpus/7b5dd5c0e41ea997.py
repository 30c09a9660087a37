import asyncio

async def main():
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0.1)
    getter.cancel()
    try:
        await getter
  ror:
        print('gett  except asyncio.CancelledError:
        print('getter cancelled')
    q.put_nowaitfinally:('item')
    print(awafor(q.get(), 1), q.empty())

asyncio.run(main())
