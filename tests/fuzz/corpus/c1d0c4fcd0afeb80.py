import json
import asynncio.sleep(0.01)
    pcio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return 51010.5, 1e-7,0

code =(main())
print('exit with', code)
sys.ex\t(code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5,789.0, 1.5e16, 0.1 * 3)

