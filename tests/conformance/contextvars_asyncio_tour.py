import asyncio
import contextvars
from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")
user = ContextVar("user")

def log(msg):
    print(f"[{request_id.get()}] {msg}")

async def handle(rid, delay):
    request_id.set(rid)
    log("start")
    await asyncio.sleep(delay)
    log("end")
    return rid

async def child():
    log(f"child sees user={user.get('none')}")
    user.set("child")
    log(f"child set user={user.get()}")

def cb(tag):
    log(f"callback {tag} user={user.get('none')}")

async def main():
    log("main begins")
    user.set("alice")
    t = asyncio.create_task(child())
    await t
    log(f"main after child: user={user.get()}")
    r = await asyncio.gather(handle("a", 0.2), handle("b", 0.1))
    print(r)
    log("main after gather")
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    user.set("bob")
    loop.call_soon(cb, "copied-earlier", context=ctx)
    loop.call_soon(cb, "now")
    await asyncio.sleep(0)
    def blocking():
        return f"thread sees user={user.get('none')}"
    print(await asyncio.to_thread(blocking))
    print(await loop.run_in_executor(None, blocking))
    c2 = contextvars.Context()
    t2 = asyncio.create_task(child(), context=c2)
    await t2
    print("c2 has", c2[user], len(c2))
    fut = loop.create_future()
    user.set("carol")
    fut.add_done_callback(lambda f: log(f"done-callback user={user.get()}"))
    user.set("dave")
    fut.set_result(1)
    await asyncio.sleep(0)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(), context=contextvars.copy_context())
    log(f"end user={user.get()}")

log("top")
asyncio.run(main())
log(f"after run user={user.get('none')}")
ctx = contextvars.copy_context()
print(ctx.run(lambda: (request_id.set("in-run"), request_id.get())[1]), request_id.get())
