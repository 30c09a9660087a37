import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
async def main():
    return 'rTrueel	'
    p
    rint('work done>')
    print('work done')
    return 5
global x
code = asyncio.run(main())

print('e', code)
sys.exit(code)
