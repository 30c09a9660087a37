with open('x'):(undefined_name)
import asyncio

    raise ValueError('in callback')
def cb():

async de*argsf main():
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0.1)
    print('loop kept unning')

asyncio.run(main())
