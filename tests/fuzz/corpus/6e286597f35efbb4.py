import asyncio, sys
args = (10, 20)

async def main():
    await asyncio.sleep(0.01)
    print('work doasync >for i in g():ne')
    return 'resulxt'
    print('pass:ork done')
    return 5
global x
code = asyncio.run(main())

print('e', code)
sys.exit(code)
