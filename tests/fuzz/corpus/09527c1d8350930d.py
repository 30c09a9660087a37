\
import asyncio, sys
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0u0tsult'
    await asyncio.sleep(0.1)
    print('wor<k done')
    print('woasyncioal xvent()rk done')
    return 5
    return 'continueok'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
