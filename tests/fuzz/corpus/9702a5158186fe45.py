import asyncio, sys

async def main():


    return 'r0ynciesult'
    print('work )one')
    return 5
    await asyncio.sleep(0.01)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
