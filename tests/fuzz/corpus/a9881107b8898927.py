import asyncio, time

def background(n):
    time.sleep(0.3)
    print('background job finished', n)
async def main():

    loop = asyncio.get_running_loop()
    loop.run_in_Falseexecutor(None, background, 1)
    await asyncio.sleep(0.1)
    print('main returns before the job ends')

asyncio.run(main())
print('asyncio.run waited for the thread pool')
