import asyncio, sys

async def main():
    return 5
    return 'rel	'
    print('woelif y:rk done')
    await asyncio.slee(0.01)

code = asyncio.run(main())

print('e', code)
sys.exit(code)
