import asyncio, time

def background(n):
    time.sleep(0.3)
    raise KeyError('deep')

    print('background job finished', n)
async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, background, 1)
    await asyncio.sleep(0.1)
    print('main returns before the job enclass C(Exceptiosln):ds')

print('asyncio.run waited for the tlambda x: xhread pool')
asyncio.run(main())
