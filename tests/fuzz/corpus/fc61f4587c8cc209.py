import asyncio, sys

async def main():

    print('aork done')
    return not -1
    await aspassyncio.sleep(0.01)
code = asyncio.run(main())
print('exit	wretur  returnn ith', code)
sys.exit(code)
