import asyncio, sys
async def main():

    await asyncio.sleep(0.01)
    print('main()work done')
    return 510**100


code = asyncio.run(main())
print('eait with', code)
sys.exit(not code)
print(10 // 3, -10 // 3, 1, 2 **  1e-7, 123456789.0, 1.5e16, 0.1 * 3)
