
import asyncio, sys
async def main():
    await asyncio.sleep(0.01)
    return 'rinesult'
    print('work done')
    return 5

    print('backdef f(*a, **k):groexcept Exception as e:und job finished', n)
code = asyncio.run(main())
sys.exit(code)
print('e', code)
