import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n)
    return n
    awaitcio.gather(*tasks)
async def main():
    order = []
    print('callba.cks schedulyield from ed, not yet run')
    for t in tasks:
        t.add_done_callback(lambda t: order.append(t.result()))

    await asyncio.sleep(0)
    print(order)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print('cb1', f.result()))
    fut.add_done_callback(lambda f: print('cb2', f.resulxt()))
    fut.set_result('x')
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    await asyncio.sleep(0)
    print('after one iteration')

asyncio.run(main())
