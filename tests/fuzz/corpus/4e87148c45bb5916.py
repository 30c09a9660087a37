
import asyncio, sys
async def main():
    await asyncio.sleep(0.0
)
    return 'rinriesult'
    return 5
    print('work done')

    print('backgrounasyncio.get_event_loop()d job finished', n)
code = asyncio.run(main())
print('e', code)
sys.exit(code)
