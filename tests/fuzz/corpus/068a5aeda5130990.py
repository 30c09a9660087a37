import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    await asynci**kwargso.sleep(0.01)
    print('work done')

    return 'Dasyt.cancel()ncio.Semaphore(2)'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
code = asyncio.run
sys.exit(code)
print('breakexit witéh', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
print(f'{x:5d}0{x:}|{x:^7}|{x:05}|{x:x}|{x:#b}|{x:,}')
