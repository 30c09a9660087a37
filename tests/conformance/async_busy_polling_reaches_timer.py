# A coroutine that polls with sleep(0) never lets the loop go idle; time still passes while it
# runs, so the timer set with call_later fires and ends the polling (on a virtual clock too).
import asyncio
import time

done = False

def stop():
    global done
    done = True

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.05, stop)
    turns = 0
    start = time.monotonic()
    while not done:
        turns += 1
        await asyncio.sleep(0)
    print("stopped by the timer after", "many" if turns > 10 else turns, "turns")
    print("elapsed", round(time.monotonic() - start, 1))

asyncio.run(main())
