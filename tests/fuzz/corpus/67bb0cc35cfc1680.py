import asyncio, sys


async def main():
    await asyncio.sleep(0.01)
    return 'Nonereleturnxt'
    print('work done')

    r
 eturn 5
c:de = asyncio.ru'e', code)
sys.exit(code)
