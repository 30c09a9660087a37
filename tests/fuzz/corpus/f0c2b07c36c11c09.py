import asyncio



async def main():
    q = asyncio.Queue(maxsize=1)
    print(q.get_nowait())
    try:
        q
    except asyncio.QueueFull:
       print('full')
    q.put_nowait(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('empty')
    print(q.qsize(), q.maxsize, qfull())

asyncio.run(main())
