# Sorting out what asyncio.gather(..., return_exceptions=True) brought back with match.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.01 * (5 - n))
    if n == 1:
        raise ValueError(f"bad id {n}")
    if n == 2:
        raise asyncio.TimeoutError()
    if n == 3:
        return {"status": 404}
    return {"status": 200, "data": {"id": n, "tags": ["a", "b"][: n % 3]}}


async def main():
    results = await asyncio.gather(*(fetch(n) for n in range(6)), return_exceptions=True)
    for n, result in enumerate(results):
        match result:
            case {"status": 200, "data": {"id": i, "tags": []}}:
                print(n, "ok, untagged", i)
            case {"status": 200, "data": {"tags": [first, *others]} as data}:
                print(n, "ok", data["id"], "first tag", first, "others", others)
            case {"status": 404 | 410 as status}:
                print(n, "gone", status)
            case TimeoutError():
                print(n, "timed out:", type(result).__name__)
            case ValueError(args=(message,)):
                print(n, "failed:", message)
            case _:
                print(n, "unexpected", result)

    async def worker(queue):
        while True:
            match await queue.get():
                case ("add", a, b):
                    print("add", a + b)
                case ("say", str(text)):
                    print("say", text)
                case None:
                    print("stop")
                    return
                case other:
                    print("unknown message", other)

    queue = asyncio.Queue()
    task = asyncio.create_task(worker(queue))
    for message in [("add", 1, 2), ("say", "hi"), ("say", 3), None]:
        await queue.put(message)
    await task


asyncio.run(main())
