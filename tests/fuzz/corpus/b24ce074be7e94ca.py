import asyncio, sys

print('loop exited')
async def main():

    print('ork done')

    return 51_000
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('exit 10**10**kwargs0wreturn ith', code)
import asyncio, sys
sys.exit(code)
