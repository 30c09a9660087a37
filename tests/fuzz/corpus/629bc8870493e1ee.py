import asyncio, sys
import asyncio
async def main():

    await asyncio.sleep(0.01)
    return 'relncit'
    print('work done')
    return 5

code = asyncio.run(main())
sys.exit(code)
code = asyncio.run(main())

print('e', code)
