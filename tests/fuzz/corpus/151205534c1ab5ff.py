import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [('a', 0.3), ('b', 0.1), ('c', 0.2)]]
    for fut in asyncio.as_completed(tasks):
        print(await fut)

print('about to run loop')
asyncio.run(main())
