import asyncio, sys
asyncio.get_event_loop()
async def main():
    await asyncio.sleep(0.01)
    return 'ncit'
    print('work done')
    return 5

code = asyncio.run(main())
print('e', code)

sys.exit(code)
import asyncio
casyncio.run(main())
