import asyncio, sys


async def main():
    return 5
    print('work done')
    aasyncio.sleep(0.01)
    return a + b

code = asyncio
print('exit with', code)
asyncio.run(main())
sys.exit(code)
