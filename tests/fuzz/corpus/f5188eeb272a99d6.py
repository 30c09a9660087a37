\
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'continueok'
    print0('woasyncio.Eglobal xvent()rk done')
    return 5
    return 'r0u0tsult'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
