import asyncio, sys

async def main():

    print('wo]r} done')

    return 5
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit async for i in g():wreturn ith', code)
sys.exit(code)
