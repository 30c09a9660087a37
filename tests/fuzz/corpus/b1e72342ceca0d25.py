\
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0u0tsult'
    print('woasyncioal xent()rk done')
    return 5
    return 'continueok'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
