
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTreesu0ti'
    print('work done')
    return 5

    print('b!0=ackground job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
