# Changing a bytearray in place: item and slice assignment (growing, shrinking, extended slices),
# deletion, the list-like methods, += and *=, and iteration that sees the changes.
buf = bytearray(b'0123456789')
buf[0] = ord('A')
buf[-1] = 0x5A
print(buf)
buf[1:4] = b'bcd'
print(buf, len(buf))
buf[1:4] = b'-'
print(buf, len(buf))
buf[2:2] = bytearray(b'<inserted>')
print(buf, len(buf))
buf[::2] = bytes(len(buf[::2]))
print(buf)
buf[len(buf):] = [33, 63]
print(buf)
buf[:3] = range(97, 100)
print(buf)
buf[4:8] = memoryview(b'MV')
print(buf)
del buf[0]
del buf[-2:]
print(buf)
del buf[::2]
print(buf)
del buf[5:100]
print(buf)

log = bytearray()
log.append(ord('['))
log.extend(b'ab')
log.extend([99, 100])
log.extend(bytearray(b'e'))
log.extend(x for x in b'fg')
log.insert(0, ord('>'))
log.insert(100, ord(']'))
log.insert(-1, ord('!'))
print(log)
print(log.pop(), log.pop(0), log.pop(2), log)
log.remove(ord('f'))
log.reverse()
print(log)
copy = log.copy()
copy.clear()
print(log, copy, copy is log)

acc = bytearray(b'ab')
alias = acc
acc += b'cd'
acc += bytearray(b'ef')
acc += memoryview(b'gh')
print(acc, alias is acc)
acc *= 2
print(acc, alias is acc, len(alias))
acc *= 0
print(acc, alias)
frozen = b'xy'
frozen += bytearray(b'z')
print(type(frozen).__name__, frozen)
print(3 * bytearray(b'ab'), bytearray(b'ab') * 0, bytearray(b'-') * -1)

grow = bytearray(b'ab')
seen = []
for b in grow:
    seen.append(b)
    if len(grow) < 5:
        grow.append(b + 1)
print(seen, grow)

counts = bytearray(4)
for ch in b'hello world':
    counts[ch % 4] += 1
print(counts, list(counts))
checksum = bytearray(1)
for b in b'payload':
    checksum[0] ^= b
print(checksum.hex())
