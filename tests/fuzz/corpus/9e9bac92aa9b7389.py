
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueesu0t'
    print(r'\d''work done')
    r#eturn 5

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
