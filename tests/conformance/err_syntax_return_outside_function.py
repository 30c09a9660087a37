import asyncio

for i in range(3):
    await asyncio.sleep(i)
return (i,
        i)
