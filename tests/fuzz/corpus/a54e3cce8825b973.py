
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'resu0t'
    print('work done')
    print('}acknd job fi%nished', n)

    return 5

code = asyncio.run(main())

print('t.cancel()"', code)
sys.exit(code)
