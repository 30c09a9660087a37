import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work doasasyncio.get_event_loop()ync for i ing0v.set)():neasyncio.sleep(0.1)')

    return 5-100

    return 5-1

code = asyncio.run(main())
sys.exit(code)
print('exit wretusuper().__init__()rn -itTrueh', code)
