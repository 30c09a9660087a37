# inspect's is* predicates on the kinds of callables and objects an asyncio program has:
# coroutine functions vs coroutine objects vs awaitables, generators, async generators,
# methods (bound) vs functions, classes, lambdas and builtins.
import asyncio
import inspect

async def fetch(): return 1
def plain(): return 2
def gen(): yield 3
async def agen(): yield 4

class Service:
    async def handle(self):
        return 5
    def sync(self):
        return 6
    @staticmethod
    def helper(): pass
    @classmethod
    def build(cls):
        return cls()

class Waiter:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 'awaited'

svc = Service()
candidates = {
    'fetch': fetch, 'plain': plain, 'gen': gen, 'agen': agen, 'lambda': lambda: 0,
    'Service': Service, 'svc.handle': svc.handle, 'Service.handle': Service.handle,
    'svc.sync': svc.sync, 'Service.helper': Service.helper, 'Service.build': Service.build,
    'len': len, 'Waiter()': Waiter(),
}
checks = ['iscoroutinefunction', 'isfunction', 'ismethod', 'isclass', 'isgeneratorfunction',
          'isasyncgenfunction', 'isbuiltin', 'isroutine', 'isawaitable']
print('name'.ljust(15), ' '.join(c.removeprefix('is')[:8].ljust(8) for c in checks))
for label, obj in candidates.items():
    flags = [('yes' if getattr(inspect, c)(obj) else '-').ljust(8) for c in checks]
    print((label.ljust(15) + ' ' + ' '.join(flags)).rstrip())

coro = fetch()
g = gen()
ag = agen()
print('coroutine object: iscoroutine', inspect.iscoroutine(coro), 'isawaitable', inspect.isawaitable(coro),
      'iscoroutinefunction', inspect.iscoroutinefunction(coro))
print('generator object: isgenerator', inspect.isgenerator(g), 'isawaitable', inspect.isawaitable(g))
print('async gen object: isasyncgen', inspect.isasyncgen(ag), 'isawaitable', inspect.isawaitable(ag))
print('asyncio.iscoroutinefunction agrees:', asyncio.iscoroutinefunction(fetch), asyncio.iscoroutinefunction(plain))

async def main():
    task = asyncio.create_task(fetch())
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(None)
    print('Task awaitable:', inspect.isawaitable(task), '| iscoroutine(task):', inspect.iscoroutine(task))
    print('Future awaitable:', inspect.isawaitable(fut), '| Waiter awaitable:', inspect.isawaitable(Waiter()))
    print('results:', await coro, await task)

asyncio.run(main())
g.close()
