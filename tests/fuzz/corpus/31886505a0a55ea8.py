import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0sult'
    print('woasyncio.Evenrk done')
    return 5
    return 'cont(nueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)
