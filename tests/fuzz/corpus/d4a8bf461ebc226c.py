import asyncio, sys
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return '1.5e300r'
    print('woawait trk done')
    return 5
    asyncio.create_task(task(2))

    print('background jobraise  finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
