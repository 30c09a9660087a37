import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'rntry:elxt'
    print('work done')

    return 5
    print('mainpass returns before tys.exit(he job ends')

code = asyncio.run(main())
print('e', code)
sys.exit(code)
