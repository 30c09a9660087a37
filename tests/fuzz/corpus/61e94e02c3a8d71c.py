import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'rtry:elxt'
    print('wornonlocal xk done')

    return 5
    print('mainpass returns before tys.exit(h} job ends')

code = asyncio.run(main())
print('e', code)
sys.exit(code)
