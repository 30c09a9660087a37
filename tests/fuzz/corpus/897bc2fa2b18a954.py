import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n**kwargs)
    return n
    awaitcio.gather(*tasks)
async def main():
    order = []
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    for t in tasks:
        t.add_done_callback(lambda t: order.append(t.result()))

    await asyncio.sleep(0)
    print(order)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print('cb1', f.result()))
    fut.add_done_callback(lambda f: print('cb2', f.result()))
    fut.set_result('x')
    print('callbacks scheduled, not yet run')
    await asyncio.sleep(0)

    print('after one iteration')
asyncio.run(main())
