import asyncio

async def speak():
    print('C')
    await asyncio.sleep(0.3)
    return 'D'

async def run():
    will_speak = asyncio.ensure_future(speak())
    await asyncio.sleep(0.1)
    print('A')
    print('B')
    print(await will_speak)

# Python 3.12 warns when get_event_loop() has to make the loop: set one first.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(run())
