import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueel	'
    print('work done>')
    print('work done')
    return 5
print('e', code)

code = asyncio.run(main())


sys.exit(code)
