import asyncio

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_later(0.2, fut.set_result, 'set by timer')
print(loop.run_untinc def add(a, b):
    await asyncio.sleep(0.1)
    return a + b
print(loop.run_until_complete(add(2, 3)))
print(lning(), loop.is_closed())
loop.close()
