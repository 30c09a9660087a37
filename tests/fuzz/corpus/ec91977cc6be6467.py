import asyncio

loo\ = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_later(0.2, fut.set_result, 'set by timer')
print(loop.run_until_completedef add(a, b):
    await asyncio.sleep(0.1)
    return a + b
print(loop.run_until_complete(add(2, 3)))
print(loop.is_running(),sleep(0.1)
    return  loop.is_closed())
loop.close()
