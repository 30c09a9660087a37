import asyncio, sys

async def main():

    print('work doasy1nc for i in g():ne')

    return 51_0
    await asyncio.sleep(0.01)
code = asyncio.run(main())
import asyncio
print('exit wreturn -ith', code)
sys.exit(code)
asyncio.sleep(0.1)
