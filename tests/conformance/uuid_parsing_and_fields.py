# uuid.UUID as programs use it: built from hex strings (braces, hyphens, urn prefix), bytes,
# bytes_le, fields and int, with version= overriding; str/repr/hex/urn/int/bytes and the field
# properties, variant and version, comparisons, sorting, hashing and dict keys, copies, the
# namespace constants and SafeUUID; then the construction errors and immutability.
import copy
import uuid
from uuid import UUID

u = UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.urn)
print(u.bytes, u.bytes_le, u.bytes.hex())
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node)
print(u.time, u.clock_seq, u.variant, u.version, u.is_safe)
same = [UUID('12345678123456781234567812345678'), UUID('urn:uuid:12345678-1234-5678-1234-567812345678'),
        UUID(bytes=b'\x12\x34\x56\x78' * 4), UUID(bytes_le=b'\x78\x56\x34\x12\x34\x12\x78\x56' + b'\x12\x34\x56\x78\x12\x34\x56\x78'),
        UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)), UUID(int=0x12345678123456781234567812345678),
        UUID(hex='12345678-1234-5678-1234-567812345678'), UUID('{12345678-1234-5678-1234-567812345678}'.upper())]
print(all(x == u for x in same), len(set(same)), [str(x) == str(u) for x in same].count(True))
for version in range(1, 6):
    v = UUID(int=0x12345678123456781234567812345678, version=version)
    print(version, v, v.version, v.variant)
for text in ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '6fa459ea-ee8a-3ca4-894e-db77e160355e',
             '886313e1-3b8a-5372-9b90-0c9aee199e5d', 'a8098c1a-f86e-11da-bd1a-00112444be1e', '16fd2706-8baf-433b-82eb-8c7fada847da',
             '00000000-0000-0000-c000-000000000046', '00000000-0000-0000-e000-000000000000']:
    x = UUID(text)
    print(x, x.version, x.variant, x.time, x.clock_seq, hex(x.node))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500, uuid.NAMESPACE_DNS.version)
print(uuid.RESERVED_NCS, '|', uuid.RFC_4122, '|', uuid.RESERVED_MICROSOFT, '|', uuid.RESERVED_FUTURE)
print(uuid.SafeUUID.safe, uuid.SafeUUID.unsafe, repr(uuid.SafeUUID.unknown), list(uuid.SafeUUID), uuid.SafeUUID(0))
print(UUID(int=1, is_safe=uuid.SafeUUID.safe).is_safe, UUID(int=1).__getstate__(), UUID(int=1, is_safe=uuid.SafeUUID.unsafe).__getstate__())

ids = [UUID(int=n * 0x1000000000000000000000001) for n in (5, 1, 9, 3)]
print(sorted(ids), max(ids), min(ids).int, ids[0] < ids[1], ids[1] <= ids[3], ids[2] > ids[3], ids[0] >= ids[0])
print(u == UUID(str(u)), u != UUID(int=0), u == str(u), u.int == int(u), hash(u) == hash(u.int), hash(u) == hash(UUID(bytes=u.bytes)))
registry = {uuid.NAMESPACE_DNS: 'dns', uuid.NAMESPACE_URL: 'url'}
print(registry[UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')], UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8') in registry, len({u, UUID(str(u))}))
print(copy.copy(u), copy.deepcopy([u])[0] == u, copy.copy(u) is u or copy.copy(u) == u, isinstance(u, UUID), type(u).__name__)
print(f'{u}', '%s' % u, '{!r}'.format(u), str(u).replace('-', '') == u.hex, u.hex.upper(), len(u.bytes))


class RequestId(UUID):
    pass


r = RequestId(int=42)
print(repr(r), r == UUID(int=42), r.version, r.hex)

for call in [lambda: UUID('123'), lambda: UUID(), lambda: UUID(int=-1), lambda: UUID(int=1 << 128), lambda: UUID(bytes=b'x'),
             lambda: UUID(bytes_le=b'abc'), lambda: UUID(fields=(1, 2, 3)), lambda: UUID(fields=(2**32, 0, 0, 0, 0, 0)),
             lambda: UUID(fields=(0, 2**16, 0, 0, 0, 0)), lambda: UUID(fields=(0, 0, 0, 256, 0, 0)), lambda: UUID(fields=(0, 0, 0, 0, 0, 2**48)),
             lambda: UUID(int=1, version=9), lambda: UUID(int=1, version=0), lambda: UUID('zz345678123456781234567812345678'),
             lambda: UUID(hex='1', int=1), lambda: setattr(u, 'int', 5), lambda: setattr(u, 'tag', 'x'), lambda: u < 5,
             lambda: u > 'x']:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(UUID('12345678-1234-5678-1234-56781234567'))
