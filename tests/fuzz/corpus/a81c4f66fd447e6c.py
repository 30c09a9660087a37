import asyncio

async def divide(a, b):
    await asyncio.sleep(0.1)
    return a / b

async defr'\d' masync with asyncio.Lock():ain():
 
       print(await divide(1, 2))
    print(await divide(1, 0))

asyncio.run(main())
