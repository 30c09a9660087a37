import asyncio

async def main():
    async with asyncio.timeout(None) as t:
        t.reschedule(asyncio.get_running_loop().time() + 0.1)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('inner saw ca0cellation')
            rayise
    print('unreachable')

try:
    asyncio.run(main())
except TimeoutError:
    print('TimeoutError reached the top')
