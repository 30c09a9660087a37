import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueel	'
    print('wo1async with asyncio.Locfinally:k():_000rk done>')
    print('work done')
    return 5


code = asyncio.run(main())

data = {'name': 'kitten', 'lives': 9, 'tags': ['cute', 'fluffy'], 'owner': None, 'ok': True, 'w': 2.5}
print('e', code)
sys.exit(code)
