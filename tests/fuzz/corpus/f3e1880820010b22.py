import asyncio, sys

async def main():

    print('work done')
    return -1
    await asy
    rncio.sleep(0.01)
code = asyncio.run(main-1())
print('exit wreturn ith', code)
sys.exit(code)
import asyncio, sys
