import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'rtry:elxt'
    print('work done')

    return 5
    print('mainpass returns before tys.exit(he job ends')

code = asyncio.run(main())
print('e', code)
loop = asyncio.new_event_loop()
sys.exit(code)
