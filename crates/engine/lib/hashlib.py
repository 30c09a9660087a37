# Awaitlab's own hashlib, with CPython 3.12 Lib/hashlib.py's names and behaviour: md5, sha1 and the
# sha2 family. Natives: _hashlib.digest (RustCrypto's md-5, sha1, sha2 crates). Differs: no
# blake2/sha3/shake, pbkdf2_hmac, scrypt or file_digest; a hash keeps its data until digest().
import _hashlib

_SIZES = {
    'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
    'sha384': (48, 128), 'sha512': (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = frozenset(_SIZES)
__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'new',
           'algorithms_guaranteed', 'algorithms_available')


def _bytes_of(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if not isinstance(data, bytes):
        raise TypeError("object supporting the buffer API required")
    return data


class _Hash:
    def __init__(self, name, data=b''):
        self.name = name
        self.digest_size, self.block_size = _SIZES[name]
        self._data = _bytes_of(data)

    def update(self, data):
        self._data += _bytes_of(data)

    def digest(self):
        return _hashlib.digest(self.name, self._data)

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = _Hash(self.name)
        other._data = self._data
        return other

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %s>' % (self.name, hex(id(self)))


_Hash.__name__ = _Hash.__qualname__ = 'HASH'


def new(name, data=b'', **kwargs):
    key = name.lower() if isinstance(name, str) else name
    if key not in _SIZES:
        raise ValueError('unsupported hash type ' + str(name))
    return _Hash(key, data)


def _constructor(name):
    def construct(string=b'', *, usedforsecurity=True):
        return _Hash(name, string)
    construct.__name__ = construct.__qualname__ = 'openssl_' + name
    return construct


md5 = _constructor('md5')
sha1 = _constructor('sha1')
sha224 = _constructor('sha224')
sha256 = _constructor('sha256')
sha384 = _constructor('sha384')
sha512 = _constructor('sha512')
