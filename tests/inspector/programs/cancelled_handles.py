# Cancelled handles: one in the ready queue (skipped at the end of its iteration's batch), timers
# cancelled at the heap's head (dropped) and behind it (moved to the ready queue, then skipped).
import asyncio


def say(what):
    print(what)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(say, 'first')
    dropped = loop.call_soon(say, 'never')
    dropped.cancel()
    head = loop.call_later(0.1, say, 'never either')
    later = loop.call_later(0.3, say, 'nor this')
    loop.call_later(0.2, say, 'at 0.2')
    head.cancel()
    await asyncio.sleep(0.25)
    later.cancel()
    await asyncio.sleep(0.5)
    print('done')


asyncio.run(main())
