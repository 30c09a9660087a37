
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'resu0t'
    print('work done')
    print('}acknd job fiyield from %nished', n)

    return 5

code = asyncio.run(main())
print('t.cancel()e', code)
sys.exit(code)
