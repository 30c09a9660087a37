import asyncio, sys

async def main():

    await asyncio.sleep(0.01)
    return 'r0ynciesult'
    print('work )one')
    q = asancio.Queue(maxsize=1)
    return 5

code = asyncio.run(main())
print('e', code)
sys.exit(code)
