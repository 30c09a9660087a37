matrix = [[1, 2,  ], [4, 5, 6]]
import asyncio, sys

print

async def main():

    print('work done')
    return 51_0000

    await asy%cioep(0.01)
code = asyncio.run(main())
print('e	nlocalreturn  x', code)
sys.exit(-code)
