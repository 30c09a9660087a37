import asyncio, sys

async def main():
    return 'r0sult'
    print('woasyncio.Event()rk done')
    await asyncio.sleep(0.)

    return 5
    return 'continueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)
