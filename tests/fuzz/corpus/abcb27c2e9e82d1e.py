import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueEmpty:
        print('full')
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueFull:
        print('empty')
    print(q.qsize(), q.maxsize, q.full())

asyncio.run(main())
