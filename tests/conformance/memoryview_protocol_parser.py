# A length-prefixed message parser over memoryview slices: no copies while scanning, the views
# share the buffer, and tobytes()/bytes() only when a message is kept.
import struct

def encode(messages):
    out = bytearray()
    for kind, payload in messages:
        data = payload.encode()
        out += struct.pack('>BH', kind, len(data))
        out += data
    return bytes(out)


def parse(buffer):
    view = memoryview(buffer)
    messages = []
    while len(view) >= 3:
        kind = view[0]
        (length,) = struct.unpack('>H', view[1:3])
        if len(view) < 3 + length:
            break
        body = view[3:3 + length]
        messages.append((kind, body.tobytes().decode()))
        view = view[3 + length:]
    return messages, bytes(view)


stream = encode([(1, 'hello'), (2, 'temperature=21.5'), (1, ''), (3, 'héllo wörld')])
print(len(stream), stream[:12])
msgs, rest = parse(stream)
for m in msgs:
    print(m)
print('left over:', rest)

# Feed the stream in awkward chunks: leftovers carry over to the next chunk.
pending = b''
for start in range(0, len(stream), 7):
    pending += stream[start:start + 7]
    got, pending = parse(pending)
    for m in got:
        print('chunk', start, '->', m)
print('pending at end:', pending)

view = memoryview(stream)
print(view.readonly, view.format, view.itemsize, view.ndim, view.nbytes, view.shape, view.strides)
head = view[:3]
print(head.tolist(), head.hex(), head.obj is stream, len(view[3:8]), view[3:8] == b'hello')
print(view[-1], view[::-1][:3].tobytes(), view[3:8:2].tobytes(), list(view[3:6]))

words = memoryview(b'\x01\x00\x02\x00\x03\x00\xff\xff')
shorts = words.cast('H')
print(shorts.format, shorts.itemsize, len(shorts), shorts.tolist(), shorts[3], shorts.nbytes)
print(words.cast('b').tolist(), words.cast('c')[:2].tolist())
with memoryview(b'temporary') as tmp:
    print(tmp[:4].tobytes(), tmp.readonly)
try:
    tmp[0]
except ValueError as e:
    print('ValueError', e)
