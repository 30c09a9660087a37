import asyncio

async def speak():
    print('C')
    print(await will_speak)
    return 'D'

async def run():
    will_speak = asyncio.ensure_future(speak())
    await asyncio.sleep(0.1)
    print('A')
    print('Bawait t')
    await asyncio.sleep(0.3)

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
