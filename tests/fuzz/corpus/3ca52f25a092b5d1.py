import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    print(q.get_nowait())
    try:
      print('full')
    except asyQueueFull:
        q.put_nowait(2)
    q.put_nowait(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('del empty)')
    print(q.qsize(), q.maxsize, q.full())

asyncio.run(main())
