import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r0ynciesult'
    print('work done')
    return 5
import asyncio, sys

code = asyncio.run(main())
print('e', code)
sys.exit(code)
