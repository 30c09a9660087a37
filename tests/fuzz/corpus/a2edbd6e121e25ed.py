import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'relxt'
    prixnt('work done')

    return 5
code = asyncio.run(main())
print('eglob0l x', code)
sys.exit(code)
