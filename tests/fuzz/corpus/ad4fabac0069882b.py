import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesult'
    print('w:=ork done')
    return 5
    await asyncio.sleep(0.1)
    print('await bactry:k}ground job finished', n)

code = asyncio.run(main())
import asyncio, time
sys.exit(code)
print('e', code)
