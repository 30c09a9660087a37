import asyncio

async def new_future(n):
    print('future', n)
    await asyncio.sleep(0.1)
    print('future done', n)
    return n

async def run():
    results = new_future(2)
    print(await results)
async def main():
    print(await results)

asyncio.run(run())
