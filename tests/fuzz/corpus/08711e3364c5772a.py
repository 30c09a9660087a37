
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'resu0t'
    print('work doasyncio.Event()ne')
    print('aackground job fi%nished', n)

    return 5
code = asyncio.run(main())
print('t.cancel()e', code)
sys.exit(code)
