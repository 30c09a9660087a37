# What a bytearray shows and returns: reprs of odd bytes, methods that hand back bytearrays (as
# bytes methods hand back bytes), comparisons with bytes, and conversions both ways.
ba = bytearray(b'Hello, World')
print(ba, repr(ba), str(ba))
print(bytearray(), bytearray(3), bytearray(b'\x00\t\n\r\x7f\x80\xff\'"\\'))
print(bytearray([72, 105]), bytearray(range(65, 70)), bytearray('naïve', 'utf-8'), bytearray(b'ab') * 3)
print(bytearray(iter([1, 2, 3])), bytearray((x * 2 for x in range(4))), bytearray(memoryview(b'mv')))
print(type(ba).__name__, type(ba), bytearray, isinstance(ba, bytearray), isinstance(ba, bytes))
print(len(ba), ba[0], ba[-1], ba[7:], ba[::-1], ba[::3], type(ba[1:3]).__name__)

for name in ['upper', 'lower', 'swapcase', 'title', 'capitalize', 'strip', 'lstrip', 'rstrip']:
    out = getattr(bytearray(b'  mIxEd Case  '), name)()
    print(f'{name:10}', type(out).__name__, out)
print(ba.split(b', '), ba.rsplit(b'o', 1), bytearray(b'a b\tc').split(), ba.partition(b', '), ba.rpartition(b'l'))
print(ba.replace(b'l', b'L', 2), ba.center(16, b'*'), ba.ljust(14, b'.'), ba.rjust(14), bytearray(b'42').zfill(5))
print(ba.find(b'o'), ba.rfind(b'o'), ba.index(b'W'), ba.count(b'l'), ba.count(ord('o')), ba.find(ord('z')))
print(ba.startswith(b'Hell'), ba.endswith((b'x', b'ld')), ba.removeprefix(b'Hello, '), ba.removesuffix(b'World'))
print(bytearray(b'abc').isalpha(), bytearray(b'123').isdigit(), bytearray(b'ab1').isalnum(), bytearray(b' \t').isspace(),
      bytearray(b'ABC').isupper(), bytearray(b'abc').islower(), bytearray(b'Title Case').istitle(), bytearray(b'\x80').isascii())
print(bytearray(b'line1\nline2\r\nline3').splitlines(), bytearray(b'a\tb').expandtabs(4))
print(bytearray(b'-').join([b'a', bytearray(b'b'), memoryview(b'c')]), b'+'.join([bytearray(b'x'), bytearray(b'y')]))
print(ba.hex(), ba[:3].hex(':'), bytearray.fromhex('48 65 6c 6c 6f'), bytearray(b'caf\xc3\xa9').decode())

print(ba == b'Hello, World', b'Hello, World' == ba, ba != bytearray(b'Hello'), ba == 'Hello, World')
print(bytearray(b'abc') < b'abd', b'abc' <= bytearray(b'abc'), bytearray(b'b') > bytearray(b'abc'))
print(sorted([bytearray(b'pear'), b'apple', bytearray(b'fig')]), max(bytearray(b'hello')), min(ba))
print(b'World' in ba, bytearray(b'lo,') in b'Hello, World', ord('H') in ba, b'' in ba)
print(bytes(ba), list(bytearray(b'abc')), tuple(bytearray(b'\x01\x02')), set(bytearray(b'aab')) == {97, 98})
print(b'bytes ' + bytearray(b'first'), bytearray(b'bytearray ') + b'first', type(b'' + bytearray()).__name__)
print(int.from_bytes(bytearray(b'\x01\x00'), 'big'), (1024).to_bytes(2, 'big') == bytearray(b'\x04\x00'))
print(f'{ba!r:>30}|', '%s / %r' % (bytearray(b'x'), bytearray(b'y')), bool(bytearray()), bool(bytearray(1)))
