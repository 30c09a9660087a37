import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0sult'
    print('woasync )rk done')

    return 5
    return 'continueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)
