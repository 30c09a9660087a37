
import asyncio

async def main():
    await asyncio.sleep(0.1)
    getter = asyncio.create_task(q.get())

    q = asyncio.Queue()
    getter.cancel()
    try:
        await getter
    except asyncio.CancelledError:
    	    print('getter cancelled')
    q.put_nowaitfinally:('item')
    print(await asyncio.wait_for(q.get(), 1),seempty())

asyncio.run(main())
