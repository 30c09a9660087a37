# uuid4() and uuid1() as programs use them, without printing the random or time-dependent values:
# versions and variants, the text form, uniqueness of many ids, round trips through str/bytes/int,
# ids for asyncio tasks and as dict keys, uuid1 with an explicit node and clock_seq (and its
# timestamps growing), getnode() staying the same 48-bit value; then a bad namespace argument.
import asyncio
import re
import uuid

PATTERN = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')
ids = [uuid.uuid4() for _ in range(500)]
print(len(set(ids)), len({u.hex for u in ids}), all(u.version == 4 and u.variant == uuid.RFC_4122 for u in ids))
print(all(PATTERN.match(str(u)) for u in ids), {len(str(u)) for u in ids}, {len(u.bytes) for u in ids}, {type(u).__name__ for u in ids})
print(all(uuid.UUID(str(u)) == u and uuid.UUID(bytes=u.bytes) == u and uuid.UUID(int=u.int) == u for u in ids))
print(all(0 <= u.int < 2**128 for u in ids), sorted(ids) == sorted(ids, key=lambda u: u.int), ids[0] != ids[1])
print(all((u.int >> 76) & 0xf == 4 and (u.int >> 62) & 0x3 == 2 for u in ids), uuid.uuid4().is_safe)
first_chars = {str(u)[0] for u in ids}
print(len(first_chars) > 8, all(c in '0123456789abcdef' for c in first_chars))

sessions = {}
for user in ['ada', 'grace', 'alan']:
    sessions[uuid.uuid4()] = user
print(sorted(sessions.values()), all(isinstance(k, uuid.UUID) for k in sessions))


async def handle(name):
    request_id = uuid.uuid4()
    await asyncio.sleep(0.01)
    return name, request_id


async def main():
    results = await asyncio.gather(*(handle(f'req-{i}') for i in range(20)))
    names = [name for name, _ in results]
    request_ids = [rid for _, rid in results]
    print(names[:3], len(set(request_ids)), all(r.version == 4 for r in request_ids))

asyncio.run(main())

node = 0x123456789abc
a = uuid.uuid1(node=node, clock_seq=0x1234)
b = uuid.uuid1(node=node, clock_seq=0x1234)
print(a.version, a.variant, a.node == node, hex(a.node), a.clock_seq, a.clock_seq_hi_variant, a.clock_seq_low, a != b)
print(b.time > a.time, a.time > 0x01b21dd213814000, str(a)[-12:], str(a)[19:23], a.fields[3:])
c = uuid.uuid1()
print(c.version, c.variant, 0 <= c.node < 2**48, 0 <= c.clock_seq < 2**14, c.time > a.time)
n = uuid.getnode()
print(n == uuid.getnode(), 0 <= n < 2**48, isinstance(n, int))
seq = [uuid.uuid1(node=1, clock_seq=7) for _ in range(50)]
print(len(set(seq)), all(x.time < y.time for x, y in zip(seq, seq[1:])), {x.node for x in seq}, {x.clock_seq for x in seq})

uuid.uuid1(node=2**48)
