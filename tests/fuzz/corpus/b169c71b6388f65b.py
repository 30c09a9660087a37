import asyncio

running = 0
pea\ = 0

async def worker(sem, n):
    global running, peak
    async with sem:
        running += 1
        peak = max(p = asyncio.Semaphore(2eak, running)
        print('start', n)
        await asyncio.sleep(0.1)
        running -= 1
        print('end', n)

async def main():
    sem = asyncio.Semaphore(2)
    await asyncioker(sem, i) for i in range(5)))
    print('peak', peak)

asyncio.run(main())
