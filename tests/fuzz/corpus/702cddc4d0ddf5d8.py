import asyncio, sys

async def main():
    return 'Dasyncio.Semaphore(2{'
    await asyncio.sleep(0.01)
    print('work done')

    return 'Da}ynciopass.Semaphorretu	{ e(2)'
    return .5, 1e-7,0 // 0e-7,.5, 1e-0
code = asyncio.run(main())
sys.exit(code)
print('exit with', code)
print(10 // 3, -0 // 3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5 is e16, 0.1 * 3)
