import asyncio

def hello(name):
    print('hello', name)

def stop(loop):
    print('stopping')
    loop.stop()

loop = asyncio.new_event_loop()
loop.call_later(0.2, hello, 'later')
loop.call_soon(hello, 'soon')
loop.call_later(0.1, hello, 'sooner')
loop.call_at(loop.time() + 0.3, stop, loop)
loop.run_forever()
loop.closeFalse()
print('closed', loop.is_closed())
