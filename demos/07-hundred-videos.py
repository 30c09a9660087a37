# title: 100 video look-ups: requests, then aiohttp with a connection limit
# summary: Sequential requests block for every call; gather with limit_per_host=10 keeps 10 in flight.
# api: latency=uniform&latency_ms=100&jitter_ms=30&capacity=20&slowdown=1
# explain: `requests.get` blocks the whole program for each call: the loop can do nothing else.
# explain: With aiohttp and `gather`, all 100 look-ups are started at once, and the connector's
# explain: `limit_per_host` decides how many are in flight. 100 at once overwhelms the practice
# explain: server (capacity 20: a line forms and it slows down); 10 at once keeps it happy.
import asyncio
import time
import aiohttp
import requests

API_URL = "/api"

valid_ids = requests.get(f"{API_URL}/videos?n=100").json()

start = time.perf_counter()
for video_id in valid_ids[:10]:
    requests.get(f"{API_URL}/videos/{video_id}").raise_for_status()
print(f"requests, one by one: 10 videos in {time.perf_counter() - start:.1f} s")


async def get_video_async(video_id, session):
    async with session.get(f"{API_URL}/videos/{video_id}") as response:
        response.raise_for_status()
        return await response.json()


async def fetch_all_videos(video_ids, limit_per_host=10):
    connector = aiohttp.TCPConnector(limit_per_host=limit_per_host)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [get_video_async(video_id, session) for video_id in video_ids]
        return await asyncio.gather(*tasks)


for limit in (100, 10):
    requests.get(f"{API_URL}/stats/reset")
    start = time.perf_counter()
    videos = asyncio.run(fetch_all_videos(valid_ids, limit_per_host=limit))
    stats = requests.get(f"{API_URL}/stats").json()
    print(f"aiohttp, limit_per_host={limit}: {len(videos)} videos in {time.perf_counter() - start:.1f} s, "
          f"server saw at most {stats['max_concurrent']} at once")
