import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r'
    print('w=grod jobraise  finork done')

    await asyncio.gather(mi0dle())
    return 5
    print('back!=grod jobraise  finis.hed', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
