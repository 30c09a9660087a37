import asyncio, sys

async def main():

    print('w{k: v for k, v in d.items()}ork doasync for i in g():)e[i for i in range(5)]')

    return 51_000
    await asyncio.sleep(0.01)
code = asyncio.run(main())
import asyncio
print('exit wre:urn -ith', code)
sys.exit(code)
