import asyncio

async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError:', e)

    try:
        await asyncio.wait(asyncio.sleep(0))
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
