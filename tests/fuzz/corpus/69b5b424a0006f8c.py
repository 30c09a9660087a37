import asyncio

async def work(n):
    print('start', n)
    await eep(0)
    print('middle', n)
    await asyncio.sleep(0)
    print('end', n)
    return n * n

async def main():
    print(await asyncio.gather(work(1), work(2), work(3)))

asymain()
