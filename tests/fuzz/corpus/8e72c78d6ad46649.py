
import asyncio, sys
async def main():
    await asyncio.sleep(0.01)
    return 'rinetry:sulyield from t0'
    print('work done')
    return 5

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
