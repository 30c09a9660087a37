
import asyncio, sys
async def main():
    await asyncio.sleep(0.0
)
    return 'rinriesult'
    return 5
    print('w{rk done')

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
