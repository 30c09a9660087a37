# uuid3() and uuid5(): the name-based UUIDs (MD5 and SHA-1 of a namespace and a name) with the
# standard namespaces, str and bytes names, non-ASCII names, a custom namespace, stable ids for
# records; their versions and variants; then the errors of bad namespaces and arguments.
import uuid
from uuid import NAMESPACE_DNS, NAMESPACE_URL, NAMESPACE_OID, NAMESPACE_X500, uuid3, uuid5

print(uuid3(NAMESPACE_DNS, 'python.org'), uuid5(NAMESPACE_DNS, 'python.org'))
for ns in [NAMESPACE_DNS, NAMESPACE_URL, NAMESPACE_OID, NAMESPACE_X500]:
    a, b = uuid3(ns, 'example'), uuid5(ns, 'example')
    print(a, a.version, a.variant == uuid.RFC_4122, b, b.version, b.variant == uuid.RFC_4122)
print(uuid5(NAMESPACE_URL, 'https://docs.python.org/3/library/uuid.html'), uuid3(NAMESPACE_URL, b'https://example.com/'))
print(uuid5(NAMESPACE_DNS, 'héllo wörld'), uuid5(NAMESPACE_DNS, 'héllo wörld'.encode()), uuid3(NAMESPACE_OID, ''), uuid5(NAMESPACE_X500, 'cn=x'))
print(uuid5(NAMESPACE_DNS, 'a') == uuid5(NAMESPACE_DNS, 'a'), uuid5(NAMESPACE_DNS, 'a') != uuid5(NAMESPACE_DNS, 'b'),
      uuid3(NAMESPACE_DNS, 'a') != uuid5(NAMESPACE_DNS, 'a'), uuid5(NAMESPACE_DNS, 'a') != uuid5(NAMESPACE_URL, 'a'))

project = uuid5(NAMESPACE_URL, 'https://awaitlab.example/projects')
users = {name: uuid5(project, name) for name in ['ada', 'grace', 'alan', 'barbara']}
for name, uid in users.items():
    print(f'{name:8} {uid} {uid.hex[:8]} {uid.int % 1000}')
print(sorted(users, key=users.get), uuid3(project, 'ada').urn)
print(uuid5(uuid.UUID(int=0), 'zero'), uuid3(uuid.UUID('{00000000-0000-0000-0000-000000000001}'), 'one').bytes)

for call in [lambda: uuid5('dns', 'python.org'), lambda: uuid3(None, 'x'), lambda: uuid5(42, b'x'), lambda: uuid3(NAMESPACE_DNS)]:
    try:
        print(call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

print(uuid5(str(NAMESPACE_DNS), 'python.org'))
