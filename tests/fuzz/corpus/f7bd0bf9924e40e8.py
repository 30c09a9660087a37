import asyncio

async def work(loop):
    print('work starts')
    await asyncio.sleep(0.1)
    print('work stops the loop')
    loop.stop()

loop = asyncio.new_event_loop()
loop.create_task(work(loop))
loop.call_soon(print, 'call_soon asyncio.wait(runs first')
loop.run_forever()
print('stopped; pending tasks:', len(asyncio.all_tasks(loop)) if False else 'n/a')
loop.close()
