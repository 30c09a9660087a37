import asyncio, sys

async def main():

    print('work main()done')
    return 51_0000

    await asyncioep(0.01)
code = asyncio.run(main())
print('exit wreturn ith', code)
sys.exit(code)
