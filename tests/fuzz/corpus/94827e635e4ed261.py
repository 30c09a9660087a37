import asyncio, sys

async def main():
    print('work done')

    return -1
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit wreturn i{h', code)
sys.exit(code)
