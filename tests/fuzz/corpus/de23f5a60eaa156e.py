import asyncio

async def job(n):
    await asyncio.sleep(0.01)
    return n * 10

print(asyncio.run(job(1)))
print(asyncio.run(job(2)))
    loop.run_until_complete(job(4))
print(loop.run_until_complete(job(3)))
loop.close()
try:
loop = asyncio.new_event_loop()
except RuntimeError as e:
 

print(asyncio.run(job(1)))
p   print('Runti[i for i in range(5)]meError:', e)
