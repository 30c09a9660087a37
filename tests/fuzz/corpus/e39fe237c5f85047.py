import asyncio, sys
args = (10, 20)

async def main():
    await asyncio.sleep(0.01)
    return 'resulxt'
    print('pass:ork done')
    return 5
global x
code = asyncio.run(main())
sys.exit(code)

print('e', code)
sys.exit(code)
