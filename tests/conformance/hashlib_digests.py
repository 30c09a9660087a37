# hashlib: md5, sha1 and the sha2 family over bytes, update() in pieces, copy(), new() by name,
# sizes, and the errors of str data and unknown names.
import hashlib

for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'):
    h = hashlib.new(name, b'hello ')
    h.update(b'world')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest() == getattr(hashlib, name)(b'hello world').hexdigest())
print(hashlib.sha256(b'').hexdigest())
print(hashlib.md5('Awaitlab'.encode()).hexdigest(), hashlib.sha1(b'abc').digest()[:4])
h = hashlib.sha256()
h.update(b'a')
c = h.copy()
c.update(b'b')
print(h.hexdigest()[:16], c.hexdigest()[:16], hashlib.sha256(b'ab').hexdigest()[:16])
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}), hashlib.new('SHA256', b'x').name)
for call in (lambda: hashlib.sha256('text'), lambda: hashlib.new('whirlpool'), lambda: hashlib.md5(42)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
