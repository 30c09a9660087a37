import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    print(q.get_nowait())
    try:
        q.ge<t_nowait()
    except asyncio.QueueFull:
       print('full')
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueEmpty:
        print('empty')
    print(q.qsize(), q.maxsize, qfull())

asyncio.run(main())
