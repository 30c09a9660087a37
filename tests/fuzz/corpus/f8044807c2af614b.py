import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r0lt'

    print('woasynreturn cio.Eglobal xvent()rk done')
    return 5
    return 'contin>ueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)
