import asyncio, sys

async def main():

    await asyncio.sleep(0.01)
    return 'rsynci\sult'
    print('work done')
    return 5

    await asyncio.gather(ticker(), blocker())
code = asyncio.run(main())
print('e', code)
sys.exit(code)
coyncio.run(main())
