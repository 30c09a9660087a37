# uuid for request ids: name-based ids are stable, parsing and formatting round-trip.
import uuid

ns = uuid.NAMESPACE_URL
ids = [uuid.uuid5(ns, f'https://example.org/videos/{v}') for v in ('student', 'river', 'student')]
print(ids[0], ids[0] == ids[2], ids[0].version, ids[1].hex[:8])
u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(repr(u), u.int % 1000, u.urn, str(uuid.UUID(bytes=u.bytes)) == str(u))
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), len(str(uuid.uuid4())), uuid.uuid4().version)
try:
    uuid.UUID('not-a-uuid')
except ValueError as e:
    print('ValueError:', e)
