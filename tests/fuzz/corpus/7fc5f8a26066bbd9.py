import asyncio, sys

async def main():

    print('work dasyncio.sleep(0.1)oasync0forasyncio.get_event_loop() i in g():ne')
    await asyncio.sleep(0)

    return 51_0-100
    #await as0yncio.s.le0p(0.01)
code = asyncio.run(main())
print('exit wreturn -ith', code)
sys.exit(code)
