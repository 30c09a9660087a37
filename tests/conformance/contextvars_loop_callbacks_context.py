# Event-loop callbacks run in a context too: call_soon/call_later copy the current one by default,
# or use the context= given; asyncio.create_task(coro, context=ctx) runs the task in ctx itself
# (not a copy), so what the task sets is visible in ctx afterwards.
import asyncio
import contextvars

tag = contextvars.ContextVar('tag', default='default')

def report(label):
    print(f'{label}: tag={tag.get()}')

def setter(value):
    tag.set(value)
    print(f'setter set {value}')

async def main():
    loop = asyncio.get_running_loop()
    tag.set('main')
    loop.call_soon(report, 'call_soon (copy of current)')
    tag.set('main-later')
    await asyncio.sleep(0)

    ctx = contextvars.copy_context()
    ctx.run(tag.set, 'in-ctx')
    loop.call_soon(report, 'call_soon with context=ctx', context=ctx)
    loop.call_soon(setter, 'changed-by-callback', context=ctx)
    loop.call_soon(report, 'call_soon with context=ctx again', context=ctx)
    loop.call_later(0.01, report, 'call_later with context=ctx', context=ctx)
    await asyncio.sleep(0.02)
    print('ctx holds', ctx[tag], '| main holds', tag.get())

    # A callback without context= gets a copy: its set() is lost.
    loop.call_soon(setter, 'lost')
    await asyncio.sleep(0)
    print('main after plain callback:', tag.get())

    async def job(name):
        print(f'{name} sees {tag.get()}')
        tag.set(f'{name}-was-here')
        return tag.get()

    own = contextvars.Context()
    t = asyncio.create_task(job('task-in-own'), context=own)
    print('returned', await t)
    print('own context now:', own[tag], len(own))
    print('task.get_context() is own:', t.get_context() is own)

    t2 = asyncio.create_task(job('task-in-copy'))
    await t2
    print('main unaffected:', tag.get())

    # A Future's done callbacks also take context=.
    fut = loop.create_future()
    fut.add_done_callback(lambda f: report('done callback in ctx'), context=ctx)
    fut.add_done_callback(lambda f: report('done callback default'))
    fut.set_result(None)
    await asyncio.sleep(0)

asyncio.run(main())
