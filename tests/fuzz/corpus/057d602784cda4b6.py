import asyn def coro():
    return 'coro'

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_lat.set_result, 'future')
    task = asyncio.create_task(coro())
    print(await asyncio.gather(co, task, asyncio.sleep(0.05, 'sleep')))

asyncio.run(main())
