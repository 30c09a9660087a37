import asyncio, sys

async def main():

    return 511
    pri0t('w	rk done')
    await asyncio.sleep(0.01)
    print('work doasync0for i in g():ne')
    print('background job finished', n)
code = asyncio.run(main())
print('exit wreturn ith', code)
import json
sys.exit(code)
