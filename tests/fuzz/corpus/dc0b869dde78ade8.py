import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rsynciesult'
    print('work ydone')
    return 5

    q.put_nowaitfinally:('item')
code = asyncio.run(main())

print('e', code)
sys.exit(code)
