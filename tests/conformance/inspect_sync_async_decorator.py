# The tutorial decorator that works on both plain and async functions: it checks
# inspect.iscoroutinefunction and returns an async wrapper for coroutine functions, a plain one
# otherwise; functools.wraps keeps the name, docstring and signature.
import asyncio
import functools
import inspect

def timed(label):
    def decorator(func):
        if inspect.iscoroutinefunction(func):
            @functools.wraps(func)
            async def wrapper(*args, **kwargs):
                print(f'[{label}] awaiting {func.__name__}{args}')
                result = await func(*args, **kwargs)
                print(f'[{label}] {func.__name__} -> {result!r}')
                return result
        else:
            @functools.wraps(func)
            def wrapper(*args, **kwargs):
                print(f'[{label}] calling {func.__name__}{args}')
                result = func(*args, **kwargs)
                print(f'[{label}] {func.__name__} -> {result!r}')
                return result
        return wrapper
    return decorator
@timed('sync')
def add(a: int, b: int = 1) -> int:
    """Add two numbers."""
    return a + b

@timed('async')
async def fetch(url: str, *, retries: int = 2) -> str:
    """Pretend to fetch a URL."""
    await asyncio.sleep(0.01)
    return f'<{url}>'
def naive(func):
    # Without functools.wraps and without the check: an async function is hidden.
    def wrapper(*args, **kwargs): return func(*args, **kwargs)
    return wrapper
@naive
async def hidden(): return 'hidden'

for f in (add, fetch, hidden):
    print(f.__name__, '| coroutine function:', inspect.iscoroutinefunction(f),
          '| signature:', inspect.signature(f), '| doc:', f.__doc__)
print('wrapped original reachable:', fetch.__wrapped__.__name__, inspect.unwrap(fetch) is fetch.__wrapped__)

async def main():
    print(add(2, 3))
    print(await fetch('example.org'))
    print(await asyncio.gather(fetch('a'), fetch('b', retries=5)))
    coro = hidden()
    print('naive wrapper still returns a coroutine:', inspect.iscoroutine(coro), await coro)

    def sync_returning_awaitable(): return fetch('via-sync')
    inspect.markcoroutinefunction(sync_returning_awaitable)
    print('after markcoroutinefunction:', inspect.iscoroutinefunction(sync_returning_awaitable))
    print(await sync_returning_awaitable())

asyncio.run(main())
