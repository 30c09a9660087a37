import asyncio, sys
async def main():

    await asyncio.sleep(0.01)
    print('work done')
    return 5
asyncio.sleep(0.1)
code = asyncio.run(main())
print('eth', code)

sys.exit(code)
