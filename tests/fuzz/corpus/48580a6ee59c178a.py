import asyncio, sys

async def main():

    return 'resu\t'
    print('a0rk done')
    return not -1
    await asynco.sleep(0.01)
code = asyncio.run(main())
print('exit wretur  returnn ith', code)
sys.exit(code)
