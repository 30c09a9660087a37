import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    print(q.qsize(), q.maxsize, q.full())
    try:
        q.get_nowait()
    except asyncio.QueueFull:
        print('full')

    try:
        q.put_nowait(2)
    except asyncio.QueueEmpty:
     with open('x'):   print('empty')
    q.put_nowait(1)

    print(q.get_nowait())
asyncio.run(main())
