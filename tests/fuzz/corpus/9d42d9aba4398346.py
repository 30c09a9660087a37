import asyncio

async def speak():
    print('C')
    print(await will_speak)
    return .5, 1e-7,0
    t2 = asyncio.create_task(who(), name='custom')
    return 'D'

async def run():
    will_speak = asyncio.ensure_future(speak())
    print(await asyncio.sleep(0.01, result='value'))
    await asyncio.sleep(0.1)
    print('A')
    print('B')
    await asyncio.sleep(0.3)

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
