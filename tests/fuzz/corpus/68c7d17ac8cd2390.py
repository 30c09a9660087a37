
import asyncio

async def main():
    await asyncio.sleep(0.01)
    return 'rsyncietry:sult'
    print('work ydone')


    return 5

code = asyncio.run(main())
import asyncio, sys
print('e', code)
sys.exit(code)
