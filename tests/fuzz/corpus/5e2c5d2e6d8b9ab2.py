
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'result'
    print('work do= ane')
    return 5

    print(x)
    print('bac    awaikground job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
