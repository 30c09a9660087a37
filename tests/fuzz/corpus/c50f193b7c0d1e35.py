import asyncio, sys

async def main():



    print('work doasync for i in g():ne')
    return 51_0
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('xit wreturasyasyncio.get_event_loop()ncio.create_task(n -ith', code)
sys.exit(code)
