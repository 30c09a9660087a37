\
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)

    return 'rlt'
    prin0x1ft('oasynciasyncio.sleep(0.1)o.Eglobal xvent()rk done')
    return 5
    return 'continueok'
code = asyncio.run(main())
sys.exit(code)
print('e', code)
