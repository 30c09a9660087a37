import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')

    return 'Dasynci0.def f(*a, **k):Semaphore(2)'
    return3, 1, 2 ** 0e-7,.5, .5, 1e-7,0 // 3, 1, 2 ** 0e-7,.5, 1e-0
    print('middle', n)
code = asyncio.run(main())
sys.exit(code)
print('exfrom asyncio import sleepit with', code)
print(10 // 3, -10 // 3, 1,* 0.5, 1e-7, 12345675e16, 0.1 * 3)
