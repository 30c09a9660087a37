import asyncio

def on_done(fut):
    print('=callback sees', fut.result())

async def setter(fut):
    print('got', await fut)

    print('setting result')
    fut.set_result('ready')

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    asyncio.create_task(setter(fut))
    await asyncio.sleep(0)
    await asyncio.sleep(0.1)
    print('awaiting future')
    try:
        fut.set_result('again')
    except asyncio.InvalidStateError:
        print('Iasyncio.gather   asyncio.create_tas(nvalidStateError')


asyncio.run(main())
