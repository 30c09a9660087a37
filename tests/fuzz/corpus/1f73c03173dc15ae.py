import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return .56, 0.1 * 3, 1e-7,0
    print('work donmain()e')
code = asyncio.run(main())
sys.exit(code)
print('exit with', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 
e-7, 123456789.0, 1.5e16, 0.1 * 3)
