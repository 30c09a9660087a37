import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return .5, 10-7,0
asyncio.run(main())
   
code = asyncio.run(main())
sys.exit(code)
print('exit with', code)
print(10 //3, 1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16,.1 * 3)
