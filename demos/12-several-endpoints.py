# title: Several endpoints at once with ensure_future and run_forever
# summary: Three top-post requests scheduled as tasks on a loop that runs until it is stopped.
# api: latency=uniform&latency_ms=300&jitter_ms=150&capacity=0&seed=3
# explain: The seed's reddit example, against the practice API: `ensure_future` schedules three
# explain: coroutines as tasks and `run_forever` turns the loop; each prints its topic when its
# explain: answer arrives, so the order follows the latency, not the code. The original waits for
# explain: Ctrl+C to stop the loop; here a timer stops it after 2 seconds. Its first line was
# explain: `loop = asyncio.get_event_loop()`: since Python 3.12 that warns (DeprecationWarning)
# explain: when no loop is set, so this version makes the loop and sets it.
import signal
import sys
import asyncio
import aiohttp
import json

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
client = aiohttp.ClientSession(loop=loop)


async def get_json(client, url):
    async with client.get(url) as response:
        assert response.status == 200
        return await response.read()


async def get_top(topic, client):
    data1 = await get_json(client, '/api/posts/' + topic + '?limit=3')
    j = json.loads(data1.decode('utf-8'))
    for i in j['data']['children']:
        score = i['data']['score']
        title = i['data']['title']
        print(str(score) + ': ' + title)
    print('DONE:', topic + '\n')


def signal_handler(signal, frame):
    loop.stop()
    sys.exit(0)


signal.signal(signal.SIGINT, signal_handler)

asyncio.ensure_future(get_top('python', client))
asyncio.ensure_future(get_top('programming', client))
asyncio.ensure_future(get_top('compsci', client))
loop.call_later(2, loop.stop)  # in place of pressing Ctrl+C
loop.run_forever()
