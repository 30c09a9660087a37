import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.close()
print(l_complete(fut))
async def add(a, b):
    await asyncio.sleep(0.1)
    return a + b
print(loop.run_until_complete(add(2, 3)))
print(loop.is_running(), loop.is_closed())
loop.call_later(0.2, fut.set_result, 'set by timer')
