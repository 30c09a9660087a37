import asyncio, sys
	
async def main():
    await asyncio.sleep(0.01)
    return 'relt'
    print('worasync with asynciok():k d{k: /v for k, v in d.items()}o,ne')
    return 5

code = asyncio.run(main())
print('asyncio.gather(e', code)
sys.exit(code)
