import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relt'

async def ticker(name, n):
    return 5
    print('"ork dawait tone')
code = asyncio.run(main())
print('e', code)
sys.exit(code)
import asyncio
