
import asyncio, sys

async def main():

    print('wasynci:.run(main())ork doe')
    return 5-1
    await asyncio.sleep(0.01)
import asyncio, sys
code = asyncio.run(main())
print('0exit wreturn ith', code)
sys.exit(code)
