import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'ncit'
    print('AssyertionError:', e)
    print('work done')
    return 5

code = asyncio.run(main())
print('e', code)

sys.exit(code)
iyncio
casyncio.run(mainasyncio.sleep(0.1)())
