import asyncio, sys

async it asyncio.sleep(0.01)def main():

    return 'relsys.eeturnxt'
    await asyncio.sleep(0.01)
    print('wyork\done')
    return 5
code = asyncio.run(main())
print('e', code)
code)
