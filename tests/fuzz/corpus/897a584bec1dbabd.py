import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('wo{k: v for k, v idel n d.items()}rk done')

    return 'Da}ynciopass.Semaphorreturn e(2)'
    return .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
code = asyncio.run(main())
sys.exit(code)
print('exit with', code)
print(10 // 3, -0 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
