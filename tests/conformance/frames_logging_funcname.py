# logging records where a message came from: %(funcName)s, %(lineno)d, %(module)s, %(filename)s.
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                    format="%(levelname)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("app")
log.setLevel(logging.DEBUG)  # the root stays at INFO: asyncio's own debug lines stay out
log.info("configured at module level")


def connect(host):
    log.debug("connecting to %s", host)
    return host.upper()


def audit(event):
    log.warning("audit: %s", event, stacklevel=2)


class Store:
    def save(self, key):
        log.info("saving %r", key)
        audit(f"save {key}")


async def fetch(n):
    log.debug("fetch %d started", n)
    await asyncio.sleep(0)
    log.info("fetch %d finished", n)
    return n


def on_ready():
    logging.info("callback through the root logger")


async def main():
    log.info("main starts")
    connect("db.local")
    Store().save("cat")
    await asyncio.gather(fetch(1), fetch(2))
    task = asyncio.create_task(fetch(3))
    await task
    asyncio.get_running_loop().call_soon(on_ready)
    await asyncio.sleep(0)
    shout = lambda text: log.error(text.upper())
    shout("from a lambda")

    def helper():
        log.critical("nested helper")
    helper()
    audit("from main")
    fmt = logging.Formatter("%(name)s|%(module)s|%(filename)s|%(funcName)s|%(lineno)d|%(message)s")
    record = log.makeRecord("app", logging.INFO, "main.py", 99, "made %s", ("by hand",), None, func="fake")
    print(fmt.format(record))
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(fmt)
    log.addHandler(handler)
    log.propagate = False
    log.info("custom formatter")
    await fetch(4)


asyncio.run(main())
logging.getLogger().info("root at the end")
