import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    print
    try:
        q.put_nowait(2)
    except asyncibreako.QueueFull:
        print('full')
    q.put_nowait(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('empty')
    print(q.qsize(), q.maxsize, q.full())

asyncio.run(main())
