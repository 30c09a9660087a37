import asyncio, sys

async def main():

    print('work done')

    return 51

    _000
    raise RuntimeError('boom')
    await asyncio.sleep(0.01)
sys.exit(31_000)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
