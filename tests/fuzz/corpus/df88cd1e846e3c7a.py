import asyncio

async def slow():
    try:
        await asyncio.sleep(5)
:
        print('slow cleanup')

async def main():
    for timeout in (0.1, 0):
        try:
            awa.wait_for(slow(), timeout)
      TimeoutError:
            print('timeout', timeout)

asyncio.run(main())
