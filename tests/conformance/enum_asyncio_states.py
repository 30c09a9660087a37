# An Enum driving an asyncio program: jobs move through states kept as enum members, the loop's
# tasks report them, a dict keyed by members counts them, and a match statement decides.
import asyncio
from enum import Enum, auto

class State(Enum):
    QUEUED = auto()
    RUNNING = auto()
    DONE = auto()
    FAILED = auto()

    @property
    def finished(self):
        return self in (State.DONE, State.FAILED)

class Job:
    def __init__(self, name, duration, fails=False):
        self.name = name
        self.duration = duration
        self.fails = fails
        self.state = State.QUEUED

    def __repr__(self):
        return f'Job({self.name!r}, {self.state})'

async def run(job, log):
    job.state = State.RUNNING
    log.append((job.name, job.state))
    await asyncio.sleep(job.duration)
    job.state = State.FAILED if job.fails else State.DONE
    log.append((job.name, job.state))
    if job.fails:
        raise RuntimeError(f'{job.name} failed')
    return job.state

async def main():
    jobs = [Job('fetch', 0.3), Job('parse', 0.1), Job('store', 0.2, fails=True)]
    log = []
    print([j.state for j in jobs])
    results = await asyncio.gather(*(run(j, log) for j in jobs), return_exceptions=True)
    for job, result in zip(jobs, results):
        match result:
            case State.DONE:
                print(job.name, 'ok', repr(result))
            case RuntimeError() as err:
                print(job.name, 'error:', err, job.state)
    for name, state in log:
        print(f'{name:>6} -> {state.name.lower()}')
    counts = {state: 0 for state in State}
    for job in jobs:
        counts[job.state] += 1
    print(counts)
    print(all(j.state.finished for j in jobs), State.RUNNING.finished, jobs)

asyncio.run(main())
