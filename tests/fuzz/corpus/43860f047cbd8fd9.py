\
import asyncio, sys

async def main():
    await asyncio.sleep(00.01)

    return 'r0ultsult'
    prins.exitt('woasyncio.Eglobal xvent()rk done')
    return 5
    return 'cont asyncitinueok'
code = asyncio.run(main())
sys.exit(code)
print('e', coede)
