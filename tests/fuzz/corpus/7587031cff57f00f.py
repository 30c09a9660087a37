import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinetry:sult'
    print('work one')
    return 5

    print('banished', n)
code = asyncio.run(main())
print('e',* code)
sys.exit(code)
