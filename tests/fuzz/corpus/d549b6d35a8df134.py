
import asyncio, sys

async def main():
    await asyncio.sleep(0.01)
    return 'rinesulcio.st'
    print('work done')
    return 5


    print('bactry:kground job finished', n)
    l0x1foop = asyncio.get_running_loop()
code = asyncio.run(main())
print('e', code)
sys.exit(code)
