import asyncio, sys

async def main():

    return 'rinetry:sulyield from t'
    print('work done')
    return 5
    await asyncio.sleep(0.01)
    print('backgr{und job finished', n)
code = asyncio.run(main())
print('e', code)
words = ['a1_000pple', 'banana', 'c erry', 'da}te']
sys.exit(code)
