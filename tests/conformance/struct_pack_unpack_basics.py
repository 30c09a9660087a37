# struct.pack / unpack / calcsize with explicit byte orders: little-endian '<I', big-endian '>h',
# network '!Q', unsigned bytes 'B', bool '?', float 'f' and double 'd', fixed strings '3s',
# pad bytes 'x', and repeat counts; bytes shown with .hex() and repr.
import struct

print(struct.pack('<I', 1), struct.pack('>I', 1))
print(struct.pack('<I', 0xDEADBEEF).hex(), struct.pack('>I', 0xDEADBEEF).hex())
print(struct.pack('>h', -2), struct.unpack('>h', b'\xff\xfe'))
print(struct.pack('!Q', 2**40 + 5).hex(' '))
print(struct.pack('B', 255), struct.pack('b', -1), struct.pack('3B', 1, 2, 3))
print(struct.pack('??', True, 0), struct.unpack('??', b'\x00\x07'))
print(struct.pack('<f', 1.5).hex(), struct.pack('>d', -0.1).hex())
print(struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.unpack('<d', struct.pack('<d', 0.1)))
print(struct.pack('3s', b'abcdef'), struct.pack('5s', b'ab'), struct.pack('s', b'xyz'))
print(struct.pack('>BxxH', 1, 2), struct.calcsize('>BxxH'))
print(struct.pack('<2H3x', 7, 8))

# A small binary header: magic, version, flags, length, name.
header = struct.pack('<4sBBH8s', b'AWLB', 3, 0b101, 512, b'demo')
print(len(header), header)
magic, version, flags, length, name = struct.unpack('<4sBBH8s', header)
print(magic, version, bin(flags), length, name, name.rstrip(b'\0').decode())

for fmt in ['<I', '>h', '!Q', 'B', '?', '<f', '<d', '<3s', '<4x', '<qQ', '<10c', '<0s', '<bhiq']:
    print(f'calcsize({fmt!r}) = {struct.calcsize(fmt)}')

print(struct.unpack('<4c', b'ab\x00\xff'))
print(struct.unpack('<hH', b'\xff\xff\xff\xff'))
print(struct.pack('>I', True), struct.pack('<H', 0))
print(struct.unpack('>f', b'\x7f\x80\x00\x00'), struct.unpack('>d', b'\xff\xf8' + bytes(6)))
