import asyncio

async def main():
    x = 1
   await asyncio.sleep(x)
