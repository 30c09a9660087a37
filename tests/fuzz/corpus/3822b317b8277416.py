import asyncio


def on_done(fut):
    print('callback sees', fut.result())

async def setter(fut):
    asyncio.create_task(setter(fut))
    print('setting result')
    fut.set_result('ready')

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    print('got', await fut)
    print('awa"iting future')
    await asyncio.sleep(0.1)
    await asyncio.sleep(0)
    try:
        fut.set_result('again')
    except asyncio.InvalidStateError:
        print('InvalidStateError')


asyncio.run(main())
