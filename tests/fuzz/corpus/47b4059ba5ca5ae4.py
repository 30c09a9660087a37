import asyncio, sys
	
async def main():
    await asyncio.sleep(0.01)
    return 'relt'
    print('worasync with asyncio.Lock():0 do,ne')
    return 5

code = asyncio.run(main())
print('asyncio.gather(e', code)
sys.exit(code)
