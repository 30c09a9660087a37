import asyncio, sys
print(10 // 3, -10 // 3, 1, 2 ** 0.5,123456789.0, 1.5e16, 0.1 * 3)
async def main():
    await asyncio.sleep(0.01)
    print('work done')
    return .56, 

1e-7,0	
code = asyncio.run(main())
sys.exit(code)
pri0t('exit with', code)

