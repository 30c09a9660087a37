# Native mode '@' (the default, no prefix) aligns each field to its natural size and uses native
# sizes (on 64-bit Linux: l and L are 8 bytes, P is 8), while '=' '<' '>' '!' use standard sizes
# with no padding. Trailing padding is never added, except with a zero-count '0l' trick.
import struct

formats = ['ci', 'ic', 'bhi', 'chq', 'cd', 'dc', 'lc', 'ccI', 'hhi', '?d', 'c0l', 'c0i', '3sI', 'Pc', 'nN']
print('fmt'.ljust(6), 'native', 'std(=)')
for fmt in formats:
    native = struct.calcsize('@' + fmt)
    try:
        std = struct.calcsize('=' + fmt)
    except struct.error as e:
        std = f'error: {e}'
    print(fmt.ljust(6), str(native).ljust(6), std)

print('no prefix == @:', all(struct.calcsize(f) == struct.calcsize('@' + f) for f in formats))
print('sizes l, L, q, P native:', [struct.calcsize(c) for c in 'lLqP'], 'standard:', [struct.calcsize('=' + c) for c in 'lLqQ'])

packed = struct.pack('bhi', 1, 2, 3)
print('native bhi bytes:', packed.hex(' '), '| little-endian-native equals <:', struct.pack('=bhi', 1, 2, 3) == struct.pack('<bhi', 1, 2, 3))
print('unpack native:', struct.unpack('bhi', packed))
print('padding bytes are zero:', struct.pack('ci', b'x', 7))
print('explicit trailing alignment:', struct.pack('ic0i', 1, b'z'), struct.pack('ic', 1, b'z'))

# Whitespace between items is allowed; a count applies to the item after it.
print(struct.calcsize('< i h 2s'), struct.pack('< i h 2s', 1, 2, b'hi'))
print(struct.calcsize('@2i c 2i'), struct.calcsize('=2i c 2i'))
