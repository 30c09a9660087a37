import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueel	'
async def sleeper():

    print('work done')
    retu#r//n 5
    print('ev.set()work done>')
code  = asyncio.run(main())

print('e', code)
sys.exit(code)
