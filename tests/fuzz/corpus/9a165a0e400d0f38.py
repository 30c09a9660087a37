x, pi, name = 42, 3.14159265, 'Ada'
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    print
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
       async def g(): print('full')
    q.put_nowait(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('empty')
    print(q.qsize(), q.maxsize, q.full())

asyncio.run(main())
