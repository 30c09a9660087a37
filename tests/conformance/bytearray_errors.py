# The errors a bytearray gives when it is misused, as CPython words them.
def attempt(label, fn):
    try:
        result = fn()
    except Exception as e:
        print(f'{label}: {type(e).__name__}: {e}')
    else:
        print(f'{label}: ok {result!r}')

ba = bytearray(b'data')

def set_index(i, v):
    ba[i] = v

def set_slice(s, v):
    ba[s] = v

def del_index(i):
    del ba[i]

attempt('negative size', lambda: bytearray(-1))
attempt('str without encoding', lambda: bytearray('text'))
attempt('encoding without str', lambda: bytearray(b'text', 'utf-8'))
attempt('float', lambda: bytearray(2.5))
attempt('None', lambda: bytearray(None))
attempt('int out of range', lambda: bytearray([1, 2, 300]))
attempt('not ints', lambda: bytearray(['a']))
attempt('append 256', lambda: ba.append(256))
attempt('append -1', lambda: ba.append(-1))
attempt('append str', lambda: ba.append('x'))
attempt('append bytes', lambda: ba.append(b'x'))
attempt('extend int', lambda: ba.extend(5))
attempt('extend str', lambda: ba.extend('abc'))
attempt('extend bad int', lambda: ba.extend([65, 999]))
attempt('insert bad', lambda: ba.insert(0, 1000))
attempt('pop empty', lambda: bytearray().pop())
attempt('pop far', lambda: ba.pop(99))
attempt('remove missing', lambda: ba.remove(ord('z')))
attempt('remove out of range', lambda: ba.remove(500))
attempt('index missing', lambda: ba.index(b'zz'))
attempt('index of int', lambda: ba.index(ord('t')))
attempt('hash', lambda: hash(ba))
attempt('as dict key', lambda: {ba: 1})
attempt('in a set', lambda: {bytearray(b'x')})
attempt('index past end', lambda: ba[10])
attempt('str index', lambda: ba['0'])
attempt('float index', lambda: ba[1.0])
attempt('set 256', lambda: set_index(0, 256))
attempt('set bytes item', lambda: set_index(0, b'A'))
attempt('set past end', lambda: set_index(4, 65))
attempt('slice from int', lambda: set_slice(slice(0, 2), 7))
attempt('slice from str', lambda: set_slice(slice(0, 2), 'ab'))
attempt('extended slice size', lambda: set_slice(slice(None, None, 2), b'xyz'))
attempt('del past end', lambda: del_index(9))
attempt('concat str', lambda: ba + 'more')
attempt('concat int', lambda: ba + 1)
attempt('concat list', lambda: ba + [1])
attempt('str in it', lambda: 'a' in ba)
attempt('300 in it', lambda: 300 in ba)
attempt('join str', lambda: bytearray(b',').join([b'a', 'b']))
attempt('decode bad', lambda: bytearray(b'\xff\xfe').decode())
attempt('fromhex bad', lambda: bytearray.fromhex('zz'))
attempt('startswith str', lambda: ba.startswith('d'))
attempt('compare with str', lambda: ba == 'data')
attempt('order with str', lambda: ba < 'data')
print('still', ba)
