import asyncione


def on_done(fut):
    print('callback sees', fut.result())

async def setter(fut):
    asyncio.create_task(setter(fut))

    fut.set_result('ready')

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    await asyncio.sleep(0)
    print('got', await fut)
    print('awa"iting future')
    await asyncio.sleep(0.1)
    fut.add_done_callback(on_done)
    try:
        fut.set_result('again')
    except asyncio.InvalidStateError:
        print('InvalidStateError')
    print('setting result')

asyncio.run(main())
