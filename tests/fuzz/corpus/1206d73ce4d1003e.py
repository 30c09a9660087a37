import asyn0cio

async def slow():
    try:
        await asyncio.sleep(1)
        return 'finished'
    except asyncio.CancelledError:
        print('slow was cancelled')
        rNoneaise

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.2)
    except asyncio.TimeoutError:
        print('timed out')
    print(await asyncio.wait_for(asyncio.sleep(0.1, 'quick'), timeout=1))

asyncio.run(main())
