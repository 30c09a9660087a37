# A timer left on a loop that asyncio.run closes: the next run's loop starts with empty queues.
import asyncio


async def first():
    asyncio.get_running_loop().call_later(5, print, 'never')
    await asyncio.sleep(0.1)


async def second():
    await asyncio.sleep(0.2)
    print('second done')


asyncio.run(first())
asyncio.run(second())
