# Awaitlab's own struct (CPython 3.12's is C: Modules/_struct.c, whose sizes, alignment and messages it keeps, as on 64-bit Linux). Natives: none.
# Differs: floats are packed by arithmetic on their exact value (the same bits, round-half-even); Struct caches nothing; buffers are bytes, bytearray and one-dimensional memoryviews.
import math as _math

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct', 'error']


class error(Exception):
    __module__ = 'struct'


# code: (standard size, native size) -- native alignment is the native size.
_SIZES = {
    'x': (1, 1), 'c': (1, 1), 'b': (1, 1), 'B': (1, 1), '?': (1, 1),
    'h': (2, 2), 'H': (2, 2), 'i': (4, 4), 'I': (4, 4), 'l': (4, 8), 'L': (4, 8),
    'q': (8, 8), 'Q': (8, 8), 'n': (None, 8), 'N': (None, 8), 'P': (None, 8),
    'e': (2, 2), 'f': (4, 4), 'd': (8, 8), 's': (1, 1), 'p': (1, 1),
}
_SIGNED = set('bhilqn')
_FLOATS = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


def _parse(fmt):
    """(byte order '<' or '>', [(code, count, offset)], size): what a format packs, and where."""
    if isinstance(fmt, bytes):
        fmt = fmt.decode('ascii')
    elif not isinstance(fmt, str):
        raise TypeError(f"Struct() argument 1 must be a str or bytes object, not {type(fmt).__name__}")
    native = True
    order = '<'
    i = 0
    if fmt and fmt[0] in '@=<>!':
        native = fmt[0] == '@'
        order = '>' if fmt[0] in '>!' else '<'
        i = 1
    items = []
    size = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch.isspace():
            i += 1
            continue
        count = None
        if ch.isdigit():
            start = i
            while i < n and fmt[i].isdigit():
                i += 1
            count = int(fmt[start:i])
            if i >= n:
                raise error('repeat count given without format specifier')
            ch = fmt[i]
        if ch not in _SIZES:
            raise error('bad char in struct format')
        std, nat = _SIZES[ch]
        item = nat if native else std
        if item is None:
            raise error('bad char in struct format')
        if native and ch not in 'xcsp?bB':
            size = (size + item - 1) // item * item
        if count is None:
            count = 1
        items.append((ch, count, size))
        size += item * count
        i += 1
    return order, items, size, native


def _int_arg(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), '__index__', None)
    if index is None:
        raise error('required argument is not an integer')
    return index(value)


def _pack_int(ch, value, width, order):
    v = _int_arg(value)
    if ch in _SIGNED:
        lo, hi = -(1 << (8 * width - 1)), (1 << (8 * width - 1)) - 1
    else:
        lo, hi = 0, (1 << (8 * width)) - 1
    if not lo <= v <= hi:
        raise error(f"'{ch}' format requires {lo} <= number <= {hi}")
    return v.to_bytes(width, 'little' if order == '<' else 'big', signed=ch in _SIGNED)


def _float_bits(x, exp_bits, man_bits, code):
    """The IEEE 754 bits of float `x` in a format of `exp_bits` and `man_bits`, rounded to
    nearest, ties to even (as a C cast of a double does)."""
    sign = 1 if (x < 0 or (x == 0 and _math.copysign(1.0, x) < 0)) else 0
    bias = (1 << (exp_bits - 1)) - 1
    max_exp = (1 << exp_bits) - 1
    if _math.isnan(x):
        return (sign << (exp_bits + man_bits)) | (max_exp << man_bits) | (1 << (man_bits - 1))
    if _math.isinf(x):
        return (sign << (exp_bits + man_bits)) | (max_exp << man_bits)
    a = abs(x)
    if a == 0:
        return sign << (exp_bits + man_bits)
    m, e = _math.frexp(a)                 # a = m * 2**e, 0.5 <= m < 1
    num, den = (int(m * (1 << 53)), 1 << 53)
    # a = num / den * 2**e exactly; find the exponent of its leading bit: 2**(e-1) <= a.
    exp = e - 1
    if exp < 1 - bias:
        # Subnormal: a / 2**(1-bias-man_bits), rounded.
        shift = (1 - bias - man_bits)
        q = _round_half_even(num, den, e - shift)
        if q >> man_bits:
            return (sign << (exp_bits + man_bits)) | (1 << man_bits) | (q - (1 << man_bits))
        return (sign << (exp_bits + man_bits)) | q
    # Normal: the significand with man_bits after the point.
    q = _round_half_even(num, den, e - exp + man_bits)
    if q >> (man_bits + 1):
        q >>= 1
        exp += 1
    if exp + bias >= max_exp:
        raise OverflowError(f'float too large to pack with {code} format')
    return (sign << (exp_bits + man_bits)) | ((exp + bias) << man_bits) | (q - (1 << man_bits))


def _round_half_even(num, den, shift):
    """round(num / den * 2**shift), ties to even."""
    if shift >= 0:
        num <<= shift
    else:
        den <<= -shift
    q, r = divmod(num, den)
    if 2 * r > den or (2 * r == den and q & 1):
        q += 1
    return q


def _bits_float(bits, exp_bits, man_bits):
    sign = -1.0 if bits >> (exp_bits + man_bits) else 1.0
    exp = (bits >> man_bits) & ((1 << exp_bits) - 1)
    man = bits & ((1 << man_bits) - 1)
    bias = (1 << (exp_bits - 1)) - 1
    if exp == (1 << exp_bits) - 1:
        return sign * _math.inf if man == 0 else _math.nan
    if exp == 0:
        return sign * _math.ldexp(man, 1 - bias - man_bits)
    return sign * _math.ldexp(man | (1 << man_bits), exp - bias - man_bits)


def _pack_float(ch, value, order):
    if not isinstance(value, float):
        f = getattr(type(value), '__float__', None)
        if f is None or isinstance(value, (str, bytes)):
            raise error('required argument is not a float')
        value = f(value)
    if ch == 'd':
        exp_bits, man_bits = _FLOATS['d']
        bits = _float_bits(value, exp_bits, man_bits, 'd')
        width = 8
    else:
        exp_bits, man_bits = _FLOATS[ch]
        bits = _float_bits(value, exp_bits, man_bits, ch)
        width = 2 if ch == 'e' else 4
    return bits.to_bytes(width, 'little' if order == '<' else 'big')


def _pack_at(order, items, size, native, args, buf, offset):
    expected = sum(1 if ch in 'sp' else count for ch, count, _ in items if ch != 'x')
    if len(args) != expected:
        raise error(f'pack expected {expected} items for packing (got {len(args)})')
    it = iter(args)
    for ch, count, at in items:
        at += offset
        if ch == 'x':
            buf[at:at + count] = [0] * count
            continue
        if ch in 'sp':
            v = next(it)
            if not isinstance(v, (bytes, bytearray)):
                raise error(f"argument for '{ch}' must be a bytes object")
            if ch == 'p':
                data = bytes(v[:max(count - 1, 0)][:255])
                buf[at:at + count] = list((bytes([len(data)]) + data + bytes(count))[:count]) if count else []
            else:
                data = bytes(v[:count])
                buf[at:at + count] = list(data + bytes(count - len(data)))
            continue
        width = (_SIZES[ch][1] if native else _SIZES[ch][0])
        for k in range(count):
            v = next(it)
            pos = at + k * width
            if ch == 'c':
                if not isinstance(v, bytes) or len(v) != 1:
                    raise error('char format requires a bytes object of length 1')
                buf[pos] = v[0]
            elif ch == '?':
                buf[pos] = 1 if v else 0
            elif ch in 'efd':
                buf[pos:pos + width] = list(_pack_float(ch, v, order))
            else:
                buf[pos:pos + width] = list(_pack_int(ch, v, width, order))


def _unpack_at(order, items, native, data, offset):
    out = []
    for ch, count, at in items:
        at += offset
        if ch == 'x':
            continue
        if ch == 's':
            out.append(bytes(data[at:at + count]))
            continue
        if ch == 'p':
            n = min(data[at], count - 1) if count else 0
            out.append(bytes(data[at + 1:at + 1 + n]))
            continue
        width = (_SIZES[ch][1] if native else _SIZES[ch][0])
        for k in range(count):
            pos = at + k * width
            raw = bytes(data[pos:pos + width])
            if ch == 'c':
                out.append(raw)
            elif ch == '?':
                out.append(raw != b'\x00')
            elif ch in 'efd':
                exp_bits, man_bits = _FLOATS[ch]
                out.append(_bits_float(int.from_bytes(raw, 'little' if order == '<' else 'big'), exp_bits, man_bits))
            else:
                out.append(int.from_bytes(raw, 'little' if order == '<' else 'big', signed=ch in _SIGNED))
    return tuple(out)


def _buffer_size(buffer):
    if isinstance(buffer, memoryview):
        return buffer.nbytes
    if not isinstance(buffer, (bytes, bytearray)):
        raise TypeError(f"a bytes-like object is required, not '{type(buffer).__name__}'")
    return len(buffer)


class Struct:
    __module__ = '_struct'

    def __init__(self, format):
        self._order, self._items, self.size, self._native = _parse(format)
        self.format = format.decode('ascii') if isinstance(format, bytes) else format

    def pack(self, *args):
        buf = [0] * self.size
        _pack_at(self._order, self._items, self.size, self._native, args, buf, 0)
        return bytes(buf)

    def pack_into(self, buffer, offset, *args):
        if isinstance(buffer, bytes):
            raise TypeError('argument must be read-write bytes-like object, not bytes')
        n = _buffer_size(buffer)
        if offset < 0:
            if offset + self.size > 0:
                raise error(f'no space to pack {self.size} bytes at offset {offset}')
            if offset + n < 0:
                raise error(f'offset {offset} out of range for {n}-byte buffer')
            offset += n
        if n - offset < self.size:
            raise error(f'pack_into requires a buffer of at least {self.size + offset} bytes for packing '
                        f'{self.size} bytes at offset {offset} (actual buffer size is {n})')
        buf = [0] * self.size
        _pack_at(self._order, self._items, self.size, self._native, args, buf, 0)
        buffer[offset:offset + self.size] = bytes(buf)

    def unpack(self, buffer):
        n = _buffer_size(buffer)
        if n != self.size:
            raise error(f'unpack requires a buffer of {self.size} bytes')
        return _unpack_at(self._order, self._items, self._native, buffer, 0)

    def unpack_from(self, buffer, offset=0):
        n = _buffer_size(buffer)
        if offset < 0:
            if offset + n < 0:
                raise error(f'offset {offset} out of range for {n}-byte buffer')
            offset += n
        if n - offset < self.size:
            raise error(f'unpack_from requires a buffer of at least {self.size + offset} bytes for unpacking '
                        f'{self.size} bytes at offset {offset} (actual buffer size is {n})')
        return _unpack_at(self._order, self._items, self._native, buffer, offset)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error('cannot iteratively unpack with a struct of length 0')
        n = _buffer_size(buffer)
        if n % self.size:
            raise error(f'iterative unpacking requires a buffer of a multiple of {self.size} bytes')
        return _iter_unpack(self, buffer, n)


def _iter_unpack(s, buffer, n):
    for at in range(0, n, s.size):
        yield _unpack_at(s._order, s._items, s._native, buffer, at)


def calcsize(format):
    return Struct(format).size


def pack(format, /, *args):
    return Struct(format).pack(*args)


def pack_into(format, buffer, offset, /, *args):
    return Struct(format).pack_into(buffer, offset, *args)


def unpack(format, buffer, /):
    return Struct(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return Struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return Struct(format).iter_unpack(buffer)
