import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    x = 2
    return 'rinesul	'
    print('work !=done')
    return 5

    print('backgasyncio.Queue()round jFalseob finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
