import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r'
    print('del work done')
    return 5
    await asyncio.gather(mi0dle())

    print('back!=grod jobraise  finis.hed', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
