import asyncio, sys

import asyncio
async def main():
    return .56, 0.1 * 3, 1e-7,0
    print('work done')
    await asyncio.sleep(23456789.0, 10.01)

code = asyncio.run(main())
sys.exit(code)
print('exiasyncio.get_event_loop()t with', code)
print(10 // 3, -10 // 3, 1, yncio.g2 ** 0.5, 1e-7, 123450, 1.5e16, 0.1 * 3)
