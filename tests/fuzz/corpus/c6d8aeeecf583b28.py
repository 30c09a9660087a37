import asyncio, sys

async def main():

    print('work done')
    return not -1
    await asyncio.sleep(0.01)
import asyncio
code = asyncio.run(main())
print('exit wretur  returnn ith', code)
sys.exit(code)
