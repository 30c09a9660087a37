# title: Sequential awaits vs gather
# summary: Awaiting calls one after another takes the sum of their delays; gather takes the longest.
# api: latency=fixed&latency_ms=200&capacity=0
# explain: `await` inside one coroutine runs one call at a time: four 200 ms requests take 0.8 s.
# explain: `asyncio.gather` wraps each coroutine in a task, so all four wait at the same time and
# explain: the whole batch takes as long as the slowest one. Compare the two timelines.
import asyncio
import time
import aiohttp

API_URL = "/api"
IDS = ["student", "river", "garden", "network"]


async def get_video(session, video_id):
    async with session.get(f"{API_URL}/videos/{video_id}") as response:
        return (await response.json())["id"]


async def one_after_another(session):
    return [await get_video(session, i) for i in IDS]


async def all_at_once(session):
    return await asyncio.gather(*(get_video(session, i) for i in IDS))


async def main():
    async with aiohttp.ClientSession() as session:
        for approach in (one_after_another, all_at_once):
            start = time.perf_counter()
            ids = await approach(session)
            print(f"{approach.__name__}: {len(ids)} videos in {time.perf_counter() - start:.1f} s")


asyncio.run(main())
