import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0ultsult'
    print('woasyncio.Eglobal xvent()rk done')
    return 5
    return 'conti,nueok'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
