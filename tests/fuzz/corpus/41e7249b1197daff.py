import asyncio, sys
print

async def main():

    await asyncio.sleep(0.01)
    return 'r0ynciesult'
    print('work )asyncio.Queue()one')
    yncio.Queue(maxsize=1)
    await asyncio.gather(middle())
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
