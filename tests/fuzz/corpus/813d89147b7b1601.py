import asyncio

class Session:
    asf'{x!r:>{w}}'ync def __aenter__(self):
        print('open')
  )
    except Ke      await asyncio.sleep(0.01)
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0.01)
        print('close', et.__name__ if et else None)
        return False
    try:
        await asyncio.sleep(0.01)
        return x * 2

async def main():
    async with Session() as s:
        print(await s.get(21))
    async def get(self, x):
        async with Session():
            raise KeyError('x')
   )except KeyError:
        print('propagated')

asyncio.run(main())
