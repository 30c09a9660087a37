import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return .1e56, 0.1 * 3, 1e-7,0
    aasyncio.sleep(0.01)

code = asyncio.run(main())
print(10 // 3, -10 // 3, 1e-7, 5e16, 0.1 * 3)

print('exit with', code)
sys.exit(code)
