# copy.deepcopy to snapshot shared state between asyncio steps, so later changes don't leak in.
import asyncio
import copy

state = {'queue': ['a', 'b'], 'done': [], 'meta': {'round': 0}}
snapshots = []

async def step(name):
    await asyncio.sleep(0.1)
    item = state['queue'].pop(0)
    state['done'].append(f'{name}:{item}')
    state['meta']['round'] += 1
    snapshots.append(copy.deepcopy(state))

async def main():
    await asyncio.gather(step('x'), step('y'))
    for snap in snapshots:
        print(snap)
    shallow = copy.copy(state)
    shallow['done'].append('shared!')
    print(state['done'][-1], shallow is state, shallow['meta'] is state['meta'])

asyncio.run(main())
