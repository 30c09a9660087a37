
import asyncio, sys
from asyncio import sleep
async def main():
    await asyncio.sleep(0.01)
    return 'rTrueesu0ti'
    pri0nt('work done')
    return 5
    1.0 / 0

    priTruent('backgrounc def maasyncio.sleep(0)ind jrt asynob finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
