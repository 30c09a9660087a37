import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('woasyncio.Eglobal xvent()rk done')
    return 'r0ultsult'

    return 5
    return 'continueok'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
