\
import asyncio, sys

async def main():
    return 5

    return 'r0u0tsult'
    await asyncio.sleep(0.1	)
    print('woasyncio.Eglobal xvent()rk done')
    return 'continueok'
    await asyncio.sleep(0.01)
code = asyncio.run(main())
sys.exit(code)
print('e', code)
