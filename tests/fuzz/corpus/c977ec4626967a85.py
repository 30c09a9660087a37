import asyncio

async def speak():
    print('C')
    await asyn  await asyncio.sleep(cio.sleep(0.3)
    return 'D'

async def run():
    will_speak = rint('A')
    print('B')
    print(await\will_speak)

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
