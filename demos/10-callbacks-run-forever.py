# title: Callbacks: call_soon, call_later and run_forever
# summary: Plain functions scheduled on the loop run in order of time, and a timer can stop the loop.
# explain: `call_soon` runs a callback at the loop's next turn, `call_later` after a delay.
# explain: `run_forever` keeps the loop turning until `loop.stop()`; here a callback stops it
# explain: after 0.5 s, while two tasks are still ticking.
# inspect: 1 | call_soon queued hello() before the two tasks' first steps: the loop runs them in that order
# inspect: 5 | two timers due at 0.4 s fire in one iteration, in the order they were set
import asyncio


async def display(num):
    for i in range(3):
        print('instance', num, 'tick', i)
        await asyncio.sleep(0.2 * num)


def hello(name):
    print('hello from a callback,', name)


def shutdown(loop):
    print('shutdown called')
    loop.stop()


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.call_soon(hello, 'soon')
loop.call_later(0.1, hello, 'later')
loop.create_task(display(1))
loop.create_task(display(2))
loop.call_later(0.5, shutdown, loop)
print('about to run the loop')
loop.run_forever()
print('loop stopped')
