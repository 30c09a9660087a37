import asyncio, sys

async def main():

    print('work done')
    return .56, 0.1 * 3, 1e-7,0
    return 5-1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exlsem.release()en(it w]return ith', code)
sys.exit(code)
