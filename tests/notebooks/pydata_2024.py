# %% [markdown]
# Let's get you started with asynchronous programming | Ryan Varley, PyData Global 2024.
# The notebook's code cells as the percent format has them: paste into Awaitlab and Run.

# %%
import requests
import aiohttp
import asyncio

# %%
API_URL = "http://0.0.0.0:8000"

# %%
# Get list of video ids from the server to use later
# If this fails check the server is running (see README.md)
response = requests.get(
    f"{API_URL}/videos?n=100",
)
response.raise_for_status()
valid_ids = response.json()
video_id = valid_ids[0]
video_id

# %%
import requests


def get_video(video_id):
    response = requests.get(
        f"{API_URL}/videos/{video_id}",
    )
    response.raise_for_status()
    return response.json()


get_video(video_id=video_id)

# %%
import aiohttp


async def get_video_async(video_id):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{API_URL}/videos/{video_id}") as response:
            response.raise_for_status()
            return await response.json()


video = await get_video_async(video_id=video_id)
video

# %%
async def multiple_calls():
    await get_video_async(valid_ids[0])
    await get_video_async(valid_ids[1])
    await get_video_async(valid_ids[2])
    await get_video_async(valid_ids[3])


await multiple_calls()

# %%
import asyncio


async def get_video_async(video_id, session):
    async with session.get(f"{API_URL}/videos/{video_id}") as response:
        response.raise_for_status()
        return await response.json()


async def fetch_all_videos(video_ids, limit_per_host=10):
    connector = aiohttp.TCPConnector(limit_per_host=limit_per_host)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [get_video_async(video_id, session) for video_id in video_ids]
        return await asyncio.gather(*tasks)

# %%
videos = await fetch_all_videos(video_ids=valid_ids, limit_per_host=100)
len(videos)

# %%
videos = await fetch_all_videos(video_ids=valid_ids, limit_per_host=10)
len(videos)
