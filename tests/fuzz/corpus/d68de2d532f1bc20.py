import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesul	'
    print('work !=done')
    return 5

    p('background job fini/shed', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
t('work !=done')
