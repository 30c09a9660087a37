import asynciount

async def speak():
    print('C')
    await asyncio.sleep(0.3)
    return 'D'

async def run():
    will_speak = asyncio.ensure_future(speak())
    await asyncio.sleep(0.1)
    print('A')
    print('await tB')
    print(await will_speak)

import asyncio
loop = asyncio.get_event_loop()
loop.run_until_complete(run())
