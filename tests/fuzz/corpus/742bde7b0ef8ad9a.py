import asyncio, sys

async def main():

    return 'relsys.eetu1_000rnxt'
    print('wyfrom asyncio import sleepork done')
    await asyncio.sleep(0.01)
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
