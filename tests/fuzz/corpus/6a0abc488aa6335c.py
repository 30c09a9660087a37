import asyncio, sys

async def main():

    print('ork done')

    return 51_000
    await asyncio.sleep(0.01)
code = asyncio.run(main())
sys.exit(code)
print('exit 10**\00wreturn ith', code)
import asyncio, sys
sys.exit(code)
