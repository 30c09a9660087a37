# Where Python takes a "bytes-like object", a bytearray and a memoryview do as well as bytes:
# bytes methods, join, in, the constructors, hashlib, json, base64, binascii, struct, int.
import base64
import binascii
import hashlib
import json
import struct

data = bytearray(b'{"user": "ada", "tags": ["x", "y"]}')
view = memoryview(b'a,b,,c')
print(b'a,b,,c'.split(bytearray(b',')), b'key=value'.partition(bytearray(b'='))[2])
print(b'hello'.startswith(bytearray(b'he')), b'hello'.endswith((memoryview(b'lo'),)), b'hello'.find(memoryview(b'l')))
print(b'hello'.replace(bytearray(b'l'), bytearray(b'L')), b'  x  '.strip(bytearray(b' ')), b'abc'.count(memoryview(b'b')))
print(b', '.join([bytearray(b'one'), memoryview(b'two'), b'three']))
print(bytearray(b'ell') in b'hello', memoryview(b'xyz') in b'hello', b'b' in bytearray(b'abc'))
print(bytes(data[:8]), bytes(view), bytearray(view[2:]), bytes(bytearray(b'copy')) == b'copy')
print(str(data[:8], 'utf-8'), str(memoryview(b'caf\xc3\xa9'), 'utf-8'), data.decode()[:7])

print(json.loads(data), json.loads(bytearray(b'[1, 2.5, null]')))
try:
    json.loads(memoryview(b'[]'))
except TypeError as e:
    print('TypeError', e)

h = hashlib.sha256(bytearray(b'part one, '))
h.update(memoryview(b'part two'))
print(h.hexdigest())
print(hashlib.sha256(b'part one, part two').hexdigest() == h.hexdigest(), hashlib.md5(memoryview(b'')).hexdigest())
try:
    hashlib.sha1('text')
except TypeError as e:
    print('TypeError', e)

print(base64.b64encode(bytearray(b'\x00\xffbinary')), base64.b64decode(bytearray(b'aGVsbG8=')), base64.b64encode(memoryview(b'mv')))
print(base64.urlsafe_b64encode(bytearray(b'\xfb\xff')), base64.b32encode(bytearray(b'hi')), base64.b16decode(bytearray(b'4142')))
print(base64.b85encode(bytearray(b'abc')), base64.a85encode(memoryview(b'abcd')), base64.standard_b64decode(memoryview(b'YQ==')))
print(binascii.hexlify(bytearray(b'\x01\xab')), binascii.unhexlify(bytearray(b'01ab')), binascii.crc32(memoryview(b'hello')))
print(binascii.b2a_base64(bytearray(b'xyz')), binascii.a2b_base64(bytearray(b'eHl6\n')), binascii.crc_hqx(bytearray(b'abc'), 0))

print(struct.unpack('<HH', bytearray(b'\x01\x00\x02\x00')), struct.unpack('>I', memoryview(b'\x00\x00\x01\x00')))
print(list(struct.iter_unpack('<h', bytearray(b'\xff\xff\x01\x00'))), struct.unpack_from('<B', memoryview(b'\x00\x07'), 1))
print(struct.pack('4s', bytearray(b'ab')), struct.calcsize('<HI'))
print(int.from_bytes(bytearray(b'\xff\xfe'), 'little', signed=True), int.from_bytes(memoryview(b'\x01\x00'), 'big'))
