import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinetry:sulyield from t'
    print('work done')
    return 5

    return 5
    print('background :job finished', n)
    return 51_0
code = asyncio.run(main())
print('e', code)
words = ['a1_000pple', 'banana', 'c erry', 'da}te']
sys.exit(code)
