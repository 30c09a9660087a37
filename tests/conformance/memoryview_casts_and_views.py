# memoryview as a window on a bytearray: slices that share memory, writes that land in the
# original, casts to wider formats and back, and the view's attributes.
pixels = bytearray(range(16))
view = memoryview(pixels)
print(view.obj is pixels, view.readonly, view.format, view.itemsize, view.nbytes, view.ndim, view.shape, view.strides)
print(view.c_contiguous, view.f_contiguous, view.contiguous, view.suboffsets)

row = view[4:8]
row[0] = 255
row[1:3] = b'\xaa\xbb'
print(pixels[4:8], row.tolist(), row.nbytes, row.shape)
evens = view[::2]
print(evens.tolist(), evens.strides, evens.contiguous, len(evens))
evens[0] = 99
print(pixels[0], view[0], evens[0])
backwards = view[::-1]
print(backwards[:4].tolist(), backwards[0], backwards.strides)
print(view[2:10][3:5].tolist(), view[100:].tolist(), view[5:2].tobytes())

words = view.cast('H')
print(words.format, words.itemsize, len(words), words.nbytes, words.shape, words.strides)
print(words.tolist())
words[1] = 0x1234
print(pixels[2:4], words[1], hex(words[1]))
signed = memoryview(bytearray(b'\xff\xff\x00\x80')).cast('h')
print(signed.tolist(), signed.cast('B').tolist())
ints = memoryview(bytearray(8)).cast('i')
ints[0] = -2
ints[1] = 2 ** 31 - 1
print(ints.tolist(), ints.obj)
print(memoryview(b'\x00\x00\x80\x3f').cast('f').tolist(), memoryview(bytes(8)).cast('d').tolist(), memoryview(b'\x01\x00').cast('?').tolist())
print(memoryview(b'ab').cast('c').tolist(), memoryview(b'\x80\x7f').cast('b').tolist(), memoryview(b'abcd').cast('@B').format)
print(memoryview(b'\x01\x02\x03\x04\x05\x06\x07\x08').cast('Q').tolist(), memoryview(bytearray(8)).cast('q')[0])

nested = memoryview(view)
print(nested.obj is pixels, nested == view, nested[:4] == bytes(pixels[:4]), view == pixels, view[:2] == [99, 1])
print(memoryview(b'ab') == memoryview(bytearray(b'ab')), memoryview(b'ab') != b'abc', memoryview(b'') == b'')
print(memoryview(b'ro').toreadonly().readonly, view.toreadonly().readonly, view.readonly)
print(hash(memoryview(b'key')) == hash(b'key'), memoryview(b'xy').hex(), memoryview(b'\x01\x02\x03').hex('-'))
print(list(memoryview(b'iter')), [b for b in words[:2]], 3 in memoryview(b'\x01\x03'), bool(memoryview(b'')))
print(bytes(words[:2]), bytearray(row), view[4:8].tobytes(), view.tobytes('C')[:4])
for v in (row, words, evens, backwards):
    v.release()
print(repr(row).startswith('<released memory'), repr(view).startswith('<memory at'))
view.release()
nested.release()
pixels.extend(b'!')
print(len(pixels), pixels[-3:])
