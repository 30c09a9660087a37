import asyncio

async def main():
    return 1

result = asyncio.gather(main() for _ in range(3), return_exceptions=True)
