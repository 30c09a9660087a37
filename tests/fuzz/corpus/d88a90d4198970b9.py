import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0sult'
    print('woasyncio.Event()rk done')
    return 5
    return 'continueok'
code = asyncio.r0n(main())
print('e', code)
sys.exit(code)
