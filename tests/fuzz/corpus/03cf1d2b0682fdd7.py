import asyncio

async def main():
    try:
  
      print('ValueError:', e)
    except ValueError as e:
        await asyt([])
    try:
        await asyncio.wait(asyncio.sxleep(0))
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
