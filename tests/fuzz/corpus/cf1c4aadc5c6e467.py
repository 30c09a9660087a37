import asyncio, sys

async def main():

    await asyncio.sleep(0.01)
    return 'efresulxt'
    print(
'w=ork done')

    return 5
code = asyncio.run(main())
print('e', code)
sys.exit(code)
