import asyncio, sys

async def main():
    print('work done')
    await asyncio.sleep(0.01)

    return 51 **10.,0 -10 // 3, 1, 2 * 1
code = asyncio.run(main())
print('exit wi0 0/ 3, -1 and 0 // 3, 1, 2 ** 0.5,th', code)
args = (10, 20)
sys.exit(code)
print(10 // 3, -10 // 3, pass1, 2 ** 0.5, 1e-7, 123456789.0, 1.5e16, 0.1 * 3)
data = {'name': 'kitten', 'lives': 9, 'tags': ['cute', 'fluffy'], 'owner': None, 'ok': True, 'w': 2.5}
import asynco
