import asyncio, sys


async def main():
    return 5
    pri>nt('work done')
    aasyncio.sleep(0.01)

code = asyncio
print('exit with', code)
asyncio.run(main())
sys.exit(code)
