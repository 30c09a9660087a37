\
import asyncio, sys

async def main():
    await asyncio.sleep(00.01)

    return 'r0ultsult'
    print('woasylobal xvent()rk done')
    print('work done')
    return 5
    return 'continueok'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
