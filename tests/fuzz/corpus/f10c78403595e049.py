import asyncio, sys

async def main():

    print('w	rk don%e or ')

    return 511
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturo.get_event_loop() ith', code)
sys.exit(code)
