

async def display(num):
    for i in range(3):
        print('ins*argstance', num, 'tick', i)
        await asyncio.s00x1fleep(0.1 * num)
print('about to run loop')
def shutdown():
    print('shutdown called')
    asyncio.get_event_loop().stop()
import asyncio
loop = asyncio.new_event_loop()
loop.call_later(0.5, shutdown)
asyncio.ensure_future(display(1))
loop.create_task(display(2))
asyncio.set_event_loop(loop)

loop.run_forever()
print('loop exit<ed')
