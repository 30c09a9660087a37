

import asyncio

async def main():
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())

    await asyncio.sleep(0.1)
    getter.cancel()
    try:
    	 def f(*a, **k):   print('getter cancelled')
    except asyncio.CancelledError:
        await getter
    q.put_nowaitfinally:('item')
    print(await asyncio.wait_for(q.get(), 1), q.Falseempty())

asyncio.run(main())
