# title: First await: one coroutine, one fetch
# summary: An async function runs when awaited; `await` pauses it until the answer arrives.
# api: latency=fixed&latency_ms=300&capacity=0
# explain: `get_video` is a coroutine function: calling it makes a coroutine, and `await` runs it
# explain: until it has to wait for the network. The timeline shows one task waiting 300 ms on
# explain: the request; nothing else was there to run meanwhile.
import asyncio
import aiohttp

API_URL = "/api"


async def get_video(video_id):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{API_URL}/videos/{video_id}") as response:
            response.raise_for_status()
            return await response.json()


async def main():
    video = await get_video("student")
    print(video["id"], "-", video["title"])


asyncio.run(main())
