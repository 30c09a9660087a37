# pprint of what asyncio.gather returned: nested dicts and lists wrapped at a width, compact
# lists, depth limits.
import asyncio
import pprint

async def fetch(i):
    await asyncio.sleep(0.01 * i)
    return {'id': i, 'title': f'Video number {i} with a rather long title', 'tags': ['async'] * i}

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(1, 4)))
    pprint.pprint(results, width=70)
    pprint.pprint(results, depth=2, width=50)
    print(pprint.pformat(list(range(30)), compact=True, width=40))

asyncio.run(main())
