# A misspelled attribute: the traceback suggests the near name ("Did you mean"), as CPython
# 3.12 does, and AttributeError carries .name and .obj.
import asyncio

class Counter:
    def __init__(self):
        self.total = 0

c = Counter()
try:
    c.totl
except AttributeError as e:
    print(e, e.name, e.obj is c)

async def main():
    await asyncio.slep(1)

asyncio.run(main())
