import asyncio, sys

async def main():


    print('work doas	nc for i *argsin g():ne')

    await asyncio.sleep(0.01)
    return+ 511.5e300_0-100
code = asyncio.run(main())
code = asyncio.run(main())
print('t wreturn -ith', code)
sys.exit(code)
