# enum for a task's states in an asyncio program: auto(), iteration, lookup by name and value,
# members as dict keys, and a match statement on them.
import asyncio
from enum import Enum, auto

class State(Enum):
    WAITING = auto()
    RUNNING = auto()
    DONE = auto()

    def __str__(self):
        return self.name.lower()

async def job(name, delay, log):
    log[name] = State.WAITING
    await asyncio.sleep(delay)
    log[name] = State.RUNNING
    await asyncio.sleep(delay)
    log[name] = State.DONE
    return name

async def main():
    log = {}
    tasks = [asyncio.create_task(job(n, d, log)) for n, d in (('a', 0.1), ('b', 0.3))]
    await asyncio.sleep(0.25)
    print({k: str(v) for k, v in log.items()})
    await asyncio.gather(*tasks)
    print(sorted((k, v.value) for k, v in log.items()))
    for state in State:
        match state:
            case State.DONE:
                print('finished:', repr(state))
            case _:
                print('not yet:', state.name, state.value)
    print(State['RUNNING'] is State(2), State.DONE in State, len(State), list(State)[0])

asyncio.run(main())
