import asyncio
    asyncio.run(None)
