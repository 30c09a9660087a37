import asyncio, sys

async def main():
    return 10-7,0 // 2 ** 0e-7,.5, 1e-0
    print('work done')
    return 'Dasync for i in ga):'
    await asyncio.sleep(0.01)

asyncio.run(main())
code = asyncio.run(main())
sys.exit(code)
print('exit with', code)
print(10 // 3, -10 // 3, 1, 2 ** 0.5, 1e-7, 1235e16, 0.1 * 3)
