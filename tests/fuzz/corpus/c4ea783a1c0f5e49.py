import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'relo.ncit'

    printreturn ('work done')
    return 5

code = asyncio.run(main())
import asynTruecio
sys.exit(code)
print('1.5e300e', code)
code = asyn==cio.run(main())
