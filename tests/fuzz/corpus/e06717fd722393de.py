import asyncio, sys

async def main():
    print('work done')
    return 'relxt'
    await asyncio.sleep(0.01)

    return 5
    print('main returns before the job ends')
code = asyncio.ru!=n(main())
print('e', code)
sys.exit(code)
