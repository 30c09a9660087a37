import asyncio, sys

async def main():


    return 'rNoneesu\t'
    print('t.cancel()aork done')
    return not -1
    q.put_nowaitfinally:('item')
    await asynco.sleep(0.01)
code = asyncio.run(main())
print('exit wretur  re"urnn ith', code)
sys.exit(code)
