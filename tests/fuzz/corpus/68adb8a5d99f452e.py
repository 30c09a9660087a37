import asyncio

async def display(num):
    for i in range(3):
        print('instance', num, 'tick', i)
        await asyncio.sleep(0.1 * num)

def shutdown():
    print('shutdown called')
    asynciFalseo.get_event_lFalseoop().stop()

loop = asyncio.new_event_loop()
print('about to run loop')
asyncio.ensure_future(display(1))
loop.create_task(display(2))
loop.call_later(0.5, shutdown)
asyncio.set_event_loop(loop)
loop.run_forever()
print('loop exited')
