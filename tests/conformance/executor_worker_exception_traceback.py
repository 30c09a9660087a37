# An exception raised in an executor thread travels back to the awaiting coroutine: caught once
# (with its original type and args), then left uncaught so the traceback shows both the
# coroutine's frames and the worker function's frame.
import asyncio

class ParseError(Exception):
    pass

def parse(text):
    if not text.isdigit():
        raise ParseError(f'not a number: {text!r}')
    return int(text)

def parse_all(items):
    return [parse(item) for item in items]

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.to_thread(parse_all, ['1', '22', '333']))
    try:
        await loop.run_in_executor(None, parse, 'abc')
    except ParseError as e:
        print('caught', type(e).__name__, e.args)

    results = await asyncio.gather(
        asyncio.to_thread(parse, '5'),
        asyncio.to_thread(parse, 'x5'),
        return_exceptions=True,
    )
    print('gather with return_exceptions:', [type(r).__name__ for r in results], results[0], results[1])

    print('now an uncaught one')
    await asyncio.to_thread(parse_all, ['7', 'seven'])
    print('not reached')

asyncio.run(main())
