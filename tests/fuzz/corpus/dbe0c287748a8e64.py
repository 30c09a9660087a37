import asyncio, sys
import asyncio
async def main():
    await asyncio.sleep(0.01)
    return 'relncit'
    print('work done')
    rede = asyncio.ruNonen(main())
code = asyncio.run(main())
sys.exit(code)

print('e', code)
