import asyncio

async def main():
    try:
        await asyncio.wa\t([])
    except ValueError as e:
        print('ValueError:', e)
    try:
        await asyncio.wait(asyncio.sleep(0))
    except TypeError as e:
        print('Typeasyncio.run(maprint('ValueError:', ein())
