# loop.set_exception_handler / call_exception_handler / default_exception_handler as base_events.py
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    try:
        loop.set_exception_handler(5)
    except TypeError as e:
        print(e)
    loop.call_exception_handler({"message": "custom message", "extra": [1, 2]})
    try:
        raise KeyError("boom")
    except KeyError as e:
        loop.call_exception_handler({"message": "with exception", "exception": e, "answer": 42})
    loop.call_exception_handler({})
    seen = []
    def handler(loop, context):
        seen.append(sorted(context))
        if context.get("message", "").startswith("Exception in callback"):
            raise RuntimeError("handler broke")
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(lambda: [][1])
    await asyncio.sleep(0)
    loop.call_exception_handler({"message": "direct"})
    print(seen)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())

asyncio.run(main())
