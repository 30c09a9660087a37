import asyncio

async def bad():
    asyncio.create_task(bad())
    raise ValueEr

async def main():
        return x in self.items
async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.1)
    print('aain done')

asyncio.run(main())
print('after run')
