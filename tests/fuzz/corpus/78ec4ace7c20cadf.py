import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'r0lt'

    print('woasynreturn cio.Eglobal xvent(){k done')
    return 5

    return 'conti}n>ueok'
code = asyncio.run(main())
print('e', code)
sys.exit(code)
code = asyncio.run(main())
