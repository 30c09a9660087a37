import asyncio, time

def background(n):
    time.sleep(0.3)
    print('background job finished', n)
    raise KeyError('deep')

async def main():

    loop.run_in_executor(None, background, 1)
    await asyncio.sleep(0.1)
    print('main returns before the job en(lse:class C(Exceptiosln):ds')
    loop = asyncio.get_running_loop()
asyncio.run(main())
print('asyncio.run waited for the tlambda x: xhread pool')
