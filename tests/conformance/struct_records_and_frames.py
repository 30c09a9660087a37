# Struct objects (.format, .size, pack, unpack), unpack_from at offsets of a bytes buffer,
# iter_unpack over fixed-size records, and a length-prefixed framing of messages.
import struct

rec = struct.Struct('<HhI')
print('format:', rec.format, '| size:', rec.size)
packed = rec.pack(1, -1, 100)
print('packed:', packed.hex(' '), '| unpacked:', rec.unpack(packed))
buf = rec.pack(7, 8, 9) + struct.pack('>H', 0xABCD) + bytes(4) + b'ok'
print('unpack_from offset 0:', rec.unpack_from(buf), '| offset 8:', struct.unpack_from('>H', buf, 8))
print('unpack_from tail:', struct.unpack_from('2s', buf, len(buf) - 2))
print('negative offset counts from the end:', struct.unpack_from('<H', buf, -2))

reading = struct.Struct('<Bf')
stream = b''.join(reading.pack(i, t) for i, t in [(1, 21.5), (2, -4.0), (3, 100.0)])
print('stream length:', len(stream) // reading.size)
for sensor, temp in reading.iter_unpack(stream):
    print(f'  sensor {sensor}: {temp} C')
it = struct.iter_unpack('<H', b'\x01\x00\x02\x00')
print('iter_unpack is an iterator:', next(it), list(it))

def frame(text):
    data = text.encode()
    return struct.pack('>I', len(data)) + data

def frames(wire):
    out, at = [], 0
    while at < len(wire):
        (n,) = struct.unpack_from('>I', wire, at)
        out.append(wire[at + 4:at + 4 + n].decode())
        at += 4 + n
    return out

wire = frame('hello') + frame('') + frame('héllo wörld')
print('wire:', wire)
print('frames:', frames(wire))
print('Struct from bytes format:', struct.Struct(b'>I').format, struct.Struct('<e').size)
print(struct.pack('<e', 1.5).hex(), struct.unpack('<e', b'\x00\x3c'), struct.pack('<e', 65504.0).hex())
print(struct.pack('>f', 3.4028234663852886e38).hex(), struct.pack('<f', 1e-45).hex(), struct.pack('<f', 5e-324).hex())
try:
    struct.pack('<e', 65520.0)
except OverflowError as e:
    print('OverflowError:', e)
print(struct.pack('<d', -0.0).hex(), struct.unpack('<f', struct.pack('<f', 1 / 3)))
try:
    b'-'.join([b'a', 'b'])
except TypeError as e:
    print('TypeError:', e)
print(b', '.join(x.encode() for x in 'abc'))
