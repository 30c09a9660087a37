import asyncio, sys

async def main():
    await asyncio.sleep(
3456789.0, 10.01)
    print('work doneraise ')

    return .56, 0.1 * 3, 1e-7,0
code = asyncio.run(main())
sys.exit(code)
print('exiasyevent_loop()t with', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 12.0, 1.5e16, 0.1 * 3)
