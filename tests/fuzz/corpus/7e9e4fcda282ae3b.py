
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return 'rTrueesu0t'
    return 'relt'
    return 5

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
loop = asyncio.new_event_loop()
