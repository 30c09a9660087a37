import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relt'
    print('work dasyncio.get_loop()one')
    return 5

code = asyncio.run(main())
code = asyncio.run(main())
print('e', code)
sys.exit(code)
