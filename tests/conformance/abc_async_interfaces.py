# An asyncio program built on an abstract base class, as tutorials write one: abstract async
# methods, concrete fetchers that implement them, an incomplete one caught at instantiation,
# and a template method that awaits the abstract steps.
import asyncio
from abc import ABC, abstractmethod

class Fetcher(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    async def fetch(self, item):
        """Fetch one item."""

    @abstractmethod
    def parse(self, raw):
        ...

    async def run(self, items):
        results = []
        for item in items:
            raw = await self.fetch(item)
            results.append(self.parse(raw))
        return f'{self.name}: {results}'

class SlowFetcher(Fetcher):
    async def fetch(self, item):
        await asyncio.sleep(0.2)
        return f'<{item}>'

    def parse(self, raw):
        return raw.strip('<>').upper()

class FastFetcher(Fetcher):
    async def fetch(self, item):
        await asyncio.sleep(0.05)
        return item * 2

    def parse(self, raw):
        return len(raw)

class Broken(Fetcher):
    async def fetch(self, item):
        return item

async def main():
    fetchers = [SlowFetcher('slow'), FastFetcher('fast')]
    for line in await asyncio.gather(*(f.run(['a', 'bb', 'ccc']) for f in fetchers)):
        print(line)
    try:
        Broken('broken')
    except TypeError as e:
        print('TypeError:', e)
    print([type(f).__name__ for f in fetchers if isinstance(f, Fetcher)])
    print(asyncio.iscoroutinefunction(Fetcher.fetch), Fetcher.fetch.__isabstractmethod__)

asyncio.run(main())
