# memoryview misuse: released views, read-only memory, exports that pin a bytearray's size, bad
# casts and indexes, with CPython's exception types and messages.
def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(f'{label}: {type(e).__name__}: {e}')
    else:
        print(f'{label}: ok {result!r}')

buf = bytearray(b'abcdef')
view = memoryview(buf)
ro = memoryview(b'frozen')

def assign(v, key, value):
    v[key] = value

def delete(v, key):
    del v[key]

attempt('of a str', lambda: memoryview('text'))
attempt('of an int', lambda: memoryview(3))
attempt('of a list', lambda: memoryview([1, 2]))
attempt('index past end', lambda: view[6])
attempt('negative past start', lambda: view[-7])
attempt('str key', lambda: view['a'])
attempt('write read-only', lambda: assign(ro, 0, 65))
attempt('write slice read-only', lambda: assign(ro, slice(0, 2), b'xy'))
attempt('write 256', lambda: assign(view, 0, 256))
attempt('write bytes item', lambda: assign(view, 0, b'a'))
attempt('write wrong length', lambda: assign(view, slice(0, 2), b'xyz'))
attempt('write a str', lambda: assign(view, slice(0, 2), 'xy'))
attempt('delete item', lambda: delete(view, 0))
attempt('hash writable', lambda: hash(view))
attempt('hash read-only', lambda: hash(ro) == hash(b'frozen'))
attempt('add', lambda: view + b'x')
attempt('multiply', lambda: view * 2)
attempt('order', lambda: view < b'b')
attempt('bad cast format', lambda: view.cast('X'))
attempt('cast size mismatch', lambda: view.cast('I'))
attempt('cast between wide formats', lambda: memoryview(b'\x00' * 8).cast('H').cast('I'))
attempt('cast non-contiguous', lambda: view[::2].cast('B'))
attempt('wide value too big', lambda: assign(memoryview(bytearray(4)).cast('H'), 0, 70000))
attempt('resize while exported', lambda: buf.append(1))
attempt('extend while exported', lambda: buf.extend(b'gh'))
attempt('clear while exported', lambda: buf.clear())
attempt('pop while exported', lambda: buf.pop())
attempt('del while exported', lambda: delete(buf, 0))
attempt('grow slice while exported', lambda: assign(buf, slice(0, 1), b'XY'))
attempt('same-size slice while exported', lambda: assign(buf, slice(0, 2), b'XY'))
attempt('reverse while exported', lambda: buf.reverse())
print(buf, view.tobytes())

view.release()
attempt('read released', lambda: view[0])
attempt('len released', lambda: len(view))
attempt('tobytes released', lambda: view.tobytes())
attempt('obj released', lambda: view.obj)
attempt('format released', lambda: view.format)
attempt('bytes() released', lambda: bytes(view))
attempt('iterate released', lambda: list(view))
attempt('release twice', lambda: view.release())
attempt('released equals itself', lambda: view == view)
attempt('released equals bytes', lambda: view == b'XYdcba')
print('repr starts', repr(view).split(' at ')[0])
buf.append(ord('!'))
print('resized after release:', buf)

child = memoryview(buf)[1:3]
attempt('resize with slice alive', lambda: buf.append(0))
del child
attempt('resize after slice gone', lambda: buf.append(0))
with memoryview(buf) as scoped:
    attempt('inside with', lambda: buf.append(1))
attempt('after with', lambda: buf.append(2))
print(buf)
