import asyncio, sys

async def main():
    await asyncio

    return 'r0sult'
    print('woasyncio.Event()rk done')
    returna5
    return 'continueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)
