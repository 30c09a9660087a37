# bytearray and memoryview where library code meets them: copy, pprint, match, isinstance
# checks, dataclass fields, sorting, and a bytearray kept in a class as a growing buffer.
import copy
import pprint
from dataclasses import dataclass, field

original = bytearray(b'shared')
shallow = copy.copy(original)
deep = copy.deepcopy([original, original])
shallow[0] = ord('S')
deep[0][0] = ord('D')
print(original, shallow, deep, deep[0] is deep[1], type(shallow).__name__)

pprint.pprint(bytearray(b'short'))
pprint.pprint({'payload': bytearray(b'x' * 70), 'n': 3}, width=40)
pprint.pprint([bytearray(b'ab'), memoryview(b'cd').tobytes()])


def describe(value):
    match value:
        case bytearray() if not value:
            return 'empty bytearray'
        case bytearray():
            return f'bytearray of {len(value)}'
        case bytes():
            return f'bytes {value!r}'
        case memoryview(readonly=True):
            return 'read-only view'
        case memoryview():
            return 'writable view'
        case _:
            return 'something else'

for v in [bytearray(), bytearray(b'abc'), b'xyz', memoryview(b'r'), memoryview(bytearray(1)), 'text']:
    print(describe(v))


def to_bytes(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return value.encode()
    raise TypeError(f'cannot convert {type(value).__name__}')

print([to_bytes(v) for v in [b'a', bytearray(b'b'), memoryview(b'c'), 'd']])


@dataclass
class Packet:
    kind: int
    body: bytearray = field(default_factory=bytearray)

    def add(self, chunk):
        self.body += chunk
        return self

p = Packet(1).add(b'he').add(bytearray(b'llo'))
q = Packet(1, bytearray(b'hello'))
print(p, p == q, p.body is not q.body)


class Buffer:
    def __init__(self):
        self._data = bytearray()

    def write(self, chunk):
        self._data.extend(chunk)
        return len(chunk)

    def getvalue(self):
        return bytes(self._data)

    def __len__(self):
        return len(self._data)

out = Buffer()
for word in [b'alpha ', bytearray(b'beta '), memoryview(b'gamma')]:
    out.write(word)
print(len(out), out.getvalue(), out.getvalue().split())
print(sorted([bytearray(b'b'), bytearray(b'a'), bytearray(b'c')], reverse=True))
print({k: len(k) for k in map(bytes, [bytearray(b'k1'), bytearray(b'key2')])})
