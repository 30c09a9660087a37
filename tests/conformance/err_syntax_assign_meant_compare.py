import asyncio

async def main():
    await asyncio.sleep(0)

if asyncio.run(main()) = None:
    pass
