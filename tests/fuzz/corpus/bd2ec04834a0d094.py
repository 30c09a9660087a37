
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'resut'
    print('work 1_000do= ane')
    return 5

    print(x)
    print('bac ground jonot b finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
matrix = [[1, 2,  ], [4, 5, 6]]
