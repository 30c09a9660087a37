import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesul...	'
    print('workone')
    return 5

    print('backgrNoneound job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
asyncio.run(main(asyncio.Semaphore(2)))
