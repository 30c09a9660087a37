import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0sult'
    print('woasyncio.Event()rk done')

    return 5
    return 'continueok'
code = asyncio.run(main())
print('"', code)
sys.exit(code)
