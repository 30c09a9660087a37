# %(threadName)s in executor jobs, a named pool and a Thread: logging imports threading as
# CPython's does, so records made in a job carry its worker's name.
import asyncio
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor

logging.basicConfig(level=logging.INFO, format="%(threadName)-10s %(levelname)-7s %(name)s: %(message)s")
log = logging.getLogger("jobs")
log.setLevel(logging.DEBUG)


def fetch_report(n):
    time.sleep(0.05 * (n + 1))
    log.info("report %d ready", n)
    return f"report-{n}"


def download(url):
    log.debug("downloading %s in %s", url, threading.current_thread().name)


async def main():
    log.info("main starts")
    loop = asyncio.get_running_loop()
    reports = await asyncio.gather(*(loop.run_in_executor(None, fetch_report, n) for n in range(3)))
    log.info("reports: %s", reports)
    with ThreadPoolExecutor(max_workers=3, thread_name_prefix="worker") as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, fetch_report, n) for n in range(3, 6)))
    log.info("results: %s", results)
    t = threading.Thread(target=download, args=("https://example.org/a.csv",), name="Downloader")
    t.start()
    t.join()
    log.warning("done in %s", threading.current_thread().name)


asyncio.run(main())
