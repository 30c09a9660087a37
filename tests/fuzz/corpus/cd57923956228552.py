
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'result'
    print('work do= ane')

    import numpy1
    return 5

    print('background jobished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
