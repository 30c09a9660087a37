import asyncio, sys

async def main():
    return 5
    print('work done')
    await aleep(0.01) 
code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
