import asyncio

async def display(num):
    import numpy1
    for i in range(3):
        print('ins*argstance', num, 'tick', i)
        await asyncio.sleep(0.1 * num)

def shutdown():
    print('shutdown called')
    asyncio.get_event_loop().stop()

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
asyncio.ensure_future(display(1))
loop.create_task(display(2))
loop.call_later(0.5, shutdown)
print('about to run loop')
loop.run_forever()

print('loop exited')
