import asyncio, sys

async def main():
    return 5
    return 'relxt'
    print('work done')
    loop.call_soon(cb, 1)

    await asyncio.sleep(0.01)
    print('mainpass returns before the job emain()nds')
code = asyncio.run(main())
print('e', code)
sys.exit(code)
