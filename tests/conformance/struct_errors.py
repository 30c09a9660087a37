# struct.error and friends: the exception type and message for a wrong number of values, values
# out of range for the format, wrong types, buffers of the wrong size, and bad format strings.
import struct

def attempt(label, fn, *args):
    try:
        result = fn(*args)
    except Exception as e:
        print(f'{label}: {type(e).__module__}.{type(e).__name__}: {e}')
    else:
        print(f'{label}: ok {result!r}')

attempt('too few values', struct.pack, '<HH', 1)
attempt('too many values', struct.pack, '<H', 1, 2)
attempt('B out of range', struct.pack, 'B', 256)
attempt('b out of range', struct.pack, 'b', -129)
attempt('<h out of range', struct.pack, '<h', 40000)
attempt('>I negative', struct.pack, '>I', -1)
attempt('<Q too big', struct.pack, '<Q', 2**64)
attempt('<i not an int', struct.pack, '<i', 1.5)
attempt('<i a str', struct.pack, '<i', '5')
attempt('s needs bytes', struct.pack, '4s', 'text')
attempt('c needs length 1', struct.pack, 'c', b'ab')
attempt('f from str', struct.pack, '<f', 'x')
attempt('f overflow', struct.pack, '<f', 1e300)
attempt('unpack short buffer', struct.unpack, '<I', b'\x00\x01')
attempt('unpack long buffer', struct.unpack, '<H', b'\x00\x01\x02')
attempt('bad format char', struct.calcsize, '<z')
attempt('repeat without item', struct.calcsize, '<3')
attempt('iter_unpack uneven', lambda: list(struct.iter_unpack('<H', b'\x00\x01\x02')))
attempt('iter_unpack zero size', struct.iter_unpack, '', b'')
attempt('unpack_from past end', struct.unpack_from, '<I', b'\x00' * 6, 4)
attempt('pack_into bytes target', struct.pack_into, '<B', b'\x00', 0, 1)
attempt('bool is an int', struct.pack, '<B', True)
print('struct.error is an Exception subclass:', issubclass(struct.error, Exception), struct.error.__name__)
