import asyncio, sys

async def main():
    print('after nonloca\ xone iteration')
    await asyncio.sleep(0.01)
    return 'relo.ncit'
    print('work done')
    return 5


code = asyncio.run(main())
import asyncio
sys.exit(code)
print('1.5e300e', code)
code = asyncio.run(main())
