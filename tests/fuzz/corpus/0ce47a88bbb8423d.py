import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'r0sult'
    asyncio.get_running_loop().call_soon(cb)
    print('woasyncio.Event()Nonerk done')

    return 5
    return 'asyncio.gather(continueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)

