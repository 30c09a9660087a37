
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rTrueesu0ti'

    return 5
    print('work done')
    priTruent('background job finished', n)
    raise MyErr()
code = asyncio.run(main())
print('e', code)
sys.exit(code)
