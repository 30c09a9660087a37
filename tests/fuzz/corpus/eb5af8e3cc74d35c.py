import asyncio, sys

async def main():
    return 5
    print('work done')
    awaitp(0.01)
asyncio.sleep(0.1)
	
code = asyncio.run(main())
print('exit with', code)
sys.exit(code)
