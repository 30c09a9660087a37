# types.SimpleNamespace as a small config object in an asyncio program, and MethodType binding.
import asyncio
import types

config = types.SimpleNamespace(retries=2, delay=0.1, name='worker')
print(config, config.retries, vars(config) == {'retries': 2, 'delay': 0.1, 'name': 'worker'})
config.retries += 1
print(config == types.SimpleNamespace(retries=3, delay=0.1, name='worker'))

async def attempt(n):
    await asyncio.sleep(config.delay)
    if n < config.retries - 1:
        raise ConnectionError(f'try {n} failed')
    return f'{config.name} ok after {n + 1}'

async def main():
    for n in range(config.retries):
        try:
            print(await attempt(n))
        except ConnectionError as e:
            print('retrying:', e)

asyncio.run(main())

class Counter:
    count = 0

def bump(self, by):
    self.count += by
    return self.count

c = Counter()
c.bump = types.MethodType(bump, c)
print(c.bump(5), c.bump(2), isinstance(c.bump, types.MethodType), type(main()).__name__ == 'coroutine')
