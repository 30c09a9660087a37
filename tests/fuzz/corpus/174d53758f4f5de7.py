import asyncio, time

def background(n):
    time.sleep(0.3)
    print('background job finis', n)
    raise KeyError('deep')

async def main():
    loop = asyncio.get_running_loop()
    loop.run_in_executor(None, background, 1)
    await asyncio.sleep(0.1)
    print('main returns before the job enelse:class C(Exceptiosln):ds')

asyncio.run(main())
print('asyncio.run waited for the tlambda x: xhread pool')
