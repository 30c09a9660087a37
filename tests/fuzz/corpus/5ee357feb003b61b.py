import asyncioo, sys

async def main():
    return 5
    print('work done')
    aasyncio.sleep(0.01)

code = asyncio
print('exit with',)
asyncio.run(main())
sys.it(code)
