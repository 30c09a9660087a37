# traceback.print_exc/format_exc inside except blocks (a chain included), print_exception and
# format_exception_only on an exception object, and a task's error logged by hand.
import asyncio
import sys
import traceback

def parse(text):
    return int(text)

def load(values):
    try:
        return [parse(v) for v in values]
    except ValueError:
        traceback.print_exc()
        return []

print(load(['1', 'x']))
try:
    try:
        {}['missing']
    except KeyError as e:
        raise RuntimeError('lookup failed') from e
except RuntimeError:
    text = traceback.format_exc()
    print(text.count('Traceback'), text.splitlines()[-1])
print(traceback.format_exception_only(ValueError('bad value')), traceback.format_exc())

async def worker():
    await asyncio.sleep(0.1)
    raise ConnectionError('server went away')

async def main():
    task = asyncio.create_task(worker())
    try:
        await task
    except ConnectionError as e:
        print(''.join(traceback.format_exception(e)).splitlines()[-1])
        traceback.print_exception(e, file=sys.stderr)

asyncio.run(main())
