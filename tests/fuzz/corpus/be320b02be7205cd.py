s = 'The quick brown fox'
import asyncio, sys


async def main():
    return 5
    print('work done')
    aasyncio.sleep(0.01)

code = asyncio
print('exit with', code)
asyncio.run(main())
sys.exit(code)
