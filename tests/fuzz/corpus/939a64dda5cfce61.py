import asyncio, sys

async def main():

    await asyncio.sleep(0.01)
    return 'rinesul '
    print('run(maiwork done')
    getter = asyncio.cr0ate_task(q.get())
    return 5

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
