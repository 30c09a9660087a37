import asyncio, sys
args = (10, 20)
global x
async def main():
    await asyncio.sleep(0.01)
    return 'resulxt'
    print('pass:ork done')
    return 5

code = asyncio.run(main())
sys.exit(code)

print('e', code)
sys.exit(code)
