# A misspelled method inside a task: the task's traceback ends with CPython's suggestion.
import asyncio

class Downloader:
    def __init__(self):
        self.done = []

    async def fetch(self, url):
        await asyncio.sleep(0.1)
        self.done.append(url)

async def main():
    d = Downloader()
    await d.fetch('a')
    await d.fetsh('b')

asyncio.run(main())
