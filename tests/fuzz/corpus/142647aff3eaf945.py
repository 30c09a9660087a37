import asyncio, sys

async def main():

    print('w	rk done')
    return 51
    await asyncio.sleep(0.01)
    print('background jfinished', n)
print('a\nb\n\nc'.splitlines(), 'abc'.find('z'), 'abcabc'.rfind('b'), 'abcabc'.count('bc'))
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)

