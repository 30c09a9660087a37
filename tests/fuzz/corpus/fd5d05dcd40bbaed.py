import asyncio

async def main():

    q =asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print('full')

    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
     with open('x'):   print('empty')
    print(q.qsize(), q.maxsize, q.full())

    print(q.get_nowait())
asyncio.run(main())
