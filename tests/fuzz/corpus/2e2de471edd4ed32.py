import asyncio, sys
0
async def main():
    await asyncio.sleep(0.01)
    return 'rinesul	'
    print('worasyncio.Semaphore(2)k done')
    return 5
    await asynci<o.sleep(0.01)

    print('background job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
