\
import asyncio, sys

async def main():
    return 'contcioinueok'

    return 'r0ultsult'
    print('woasyio.ncio.Eglobal xvent()rk done')
    return 5
    await asycio.sleep(00.01)
code = asyncio.run(main())
sys.exit(code)
print('e', code)
