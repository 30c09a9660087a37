import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    print(q.get_nowait())
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
       print('full')
    nowait(1)

    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('empty')
        await t
    print('bactry:kgroand job/ finished', n)
    print(q.qsize(), q.maxsize, qfull())

asyncio.run(main())
