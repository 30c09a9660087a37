# Awaitlab's own binascii in Python: follows CPython 3.12 Modules/binascii.c (PSF licence), its algorithms and error messages.
# Natives: none. Differs: no a2b_qp/b2a_qp; bytes-like arguments (bytes, bytearray, memoryview) are read as bytes;
# wrong argument counts are reported as for any Python function.
"""Conversion between binary data and ASCII"""

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'b2a_base64', 'a2b_hex', 'b2a_hex', 'hexlify', 'unhexlify',
           'a2b_uu', 'b2a_uu', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass

_BASE64_PAD = 0x3d  # '='
_table_b2a_base64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_table_a2b_base64 = [255] * 256
for _i, _c in enumerate(_table_b2a_base64):
    _table_a2b_base64[_c] = _i
del _i, _c


def _bytes_like(data):
    # Py_buffer arguments ("y*"): a bytes-like object.
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_data(data):
    # ascii_buffer_converter: a bytes-like object or a str of ASCII characters.
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("argument should be bytes, buffer or ASCII string, not '%s'" % type(data).__name__)


def a2b_base64(data, /, *, strict_mode=False):
    """Decode a line of base64 data.

      strict_mode
        Enable strict mode: non-base64 characters, padding in the wrong places and data
        after the padding are errors."""
    ascii_data = _ascii_data(data)
    strict_mode = bool(strict_mode)
    bin_data = []
    padding_started = False
    if strict_mode and len(ascii_data) > 0 and ascii_data[0] == _BASE64_PAD:
        raise Error('Leading padding not allowed')
    quad_pos = 0
    leftchar = 0
    pads = 0
    ascii_len = len(ascii_data)
    for i in range(ascii_len):
        this_ch = ascii_data[i]
        # Check for pad sequences and ignore the invalid ones.
        if this_ch == _BASE64_PAD:
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    # A pad sequence means we should not parse more input; in strict mode,
                    # data after the padding is an error.
                    if strict_mode and i + 1 < ascii_len:
                        raise Error('Excess data after padding')
                    return bytes(bin_data)
            continue
        this_ch = _table_a2b_base64[this_ch]
        if this_ch >= 64:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        # Characters that are not '=', in the middle of the padding, are not allowed.
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = this_ch
        elif quad_pos == 1:
            quad_pos = 2
            bin_data.append(((leftchar << 2) | (this_ch >> 4)) & 0xff)
            leftchar = this_ch & 0x0f
        elif quad_pos == 2:
            quad_pos = 3
            bin_data.append(((leftchar << 4) | (this_ch >> 2)) & 0xff)
            leftchar = this_ch & 0x03
        else:
            quad_pos = 0
            bin_data.append(((leftchar << 6) | this_ch) & 0xff)
            leftchar = 0
    if quad_pos != 0:
        if quad_pos == 1:
            # Exactly one extra valid, non-padding, base64 character: no input encodes to that.
            raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be 1 more '
                        'than a multiple of 4' % (len(bin_data) // 3 * 4 + 1))
        raise Error('Incorrect padding')
    return bytes(bin_data)


def b2a_base64(data, /, *, newline=True):
    """Base64-code line of data."""
    bin_data = _bytes_like(data)
    table = _table_b2a_base64
    out = []
    n = len(bin_data)
    full = n - n % 3
    for i in range(0, full, 3):
        word = (bin_data[i] << 16) | (bin_data[i + 1] << 8) | bin_data[i + 2]
        out.append(table[word >> 18])
        out.append(table[(word >> 12) & 0x3f])
        out.append(table[(word >> 6) & 0x3f])
        out.append(table[word & 0x3f])
    rest = n - full
    if rest == 1:
        word = bin_data[full] << 16
        out.append(table[word >> 18])
        out.append(table[(word >> 12) & 0x3f])
        out.append(_BASE64_PAD)
        out.append(_BASE64_PAD)
    elif rest == 2:
        word = (bin_data[full] << 16) | (bin_data[full + 1] << 8)
        out.append(table[word >> 18])
        out.append(table[(word >> 12) & 0x3f])
        out.append(table[(word >> 6) & 0x3f])
        out.append(_BASE64_PAD)
    if newline:
        out.append(0x0a)
    return bytes(out)


_HEXDIGITS = b'0123456789abcdef'
_NOT_GIVEN = object()


def b2a_hex(data, sep=_NOT_GIVEN, bytes_per_sep=1):
    """Hexadecimal representation of binary data.

      sep
        An optional single character or byte to separate hex bytes.
      bytes_per_sep
        How many bytes between separators.  Positive values count from the
        right, negative values count from the left.

    The return value is a bytes object.  This function is also
    available as "hexlify()"."""
    argbuf = _bytes_like(data)
    if not isinstance(bytes_per_sep, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(bytes_per_sep).__name__)
    if not -2**31 <= bytes_per_sep < 2**31:
        raise OverflowError('Python int too large to convert to C int')
    if sep is _NOT_GIVEN:
        sep_char = None
    else:
        # Python/pystrhex.c: one character, of a one-byte kind when a str (bytes are returned,
        # so a separator above 127 is allowed).
        if len(sep) != 1:
            raise ValueError('sep must be length 1.')
        if isinstance(sep, str):
            if ord(sep) > 255:
                raise ValueError('sep must be ASCII.')
            sep_char = ord(sep)
        elif isinstance(sep, bytes):
            sep_char = sep[0]
        else:
            raise TypeError('sep must be str or bytes.')
    out = []
    n = len(argbuf)
    if sep_char is None or bytes_per_sep == 0 or n == 0:
        for b in argbuf:
            out.append(_HEXDIGITS[b >> 4])
            out.append(_HEXDIGITS[b & 0x0f])
        return bytes(out)
    group = abs(bytes_per_sep)
    for i, b in enumerate(argbuf):
        if i:
            # Positive values count groups from the right, negative ones from the left.
            if bytes_per_sep > 0:
                if (n - i) % group == 0:
                    out.append(sep_char)
            elif i % group == 0:
                out.append(sep_char)
        out.append(_HEXDIGITS[b >> 4])
        out.append(_HEXDIGITS[b & 0x0f])
    return bytes(out)


hexlify = b2a_hex


def _to_int(c):
    if 0x30 <= c <= 0x39:
        return c - 0x30
    if 0x61 <= c <= 0x66:
        return c - 0x61 + 10
    if 0x41 <= c <= 0x46:
        return c - 0x41 + 10
    return -1


def a2b_hex(hexstr, /):
    """Binary data of hexadecimal representation.

    hexstr must contain an even number of hex digits (upper or lower case).
    This function is also available as "unhexlify()"."""
    argbuf = _ascii_data(hexstr)
    if len(argbuf) % 2:
        raise Error('Odd-length string')
    out = []
    for i in range(0, len(argbuf), 2):
        top = _to_int(argbuf[i])
        bot = _to_int(argbuf[i + 1])
        if top == -1 or bot == -1:
            raise Error('Non-hexadecimal digit found')
        out.append((top << 4) + bot)
    return bytes(out)


def unhexlify(hexstr, /):
    """Binary data of hexadecimal representation.

    hexstr must contain an even number of hex digits (upper or lower case)."""
    return a2b_hex(hexstr)


def a2b_uu(data, /):
    """Decode a line of uuencoded data."""
    ascii_data = _ascii_data(data)
    ascii_len = len(ascii_data)
    pos = 0
    # First byte: binary data length (in bytes).
    first = ascii_data[0] if ascii_len > 0 else 0
    bin_len = (first - 0x20) & 0o77
    pos += 1
    ascii_len -= 1
    out = []
    leftbits = 0
    leftchar = 0
    while bin_len > 0:
        this_ch = ascii_data[pos] if ascii_len > 0 else 0
        if this_ch == 0x0a or this_ch == 0x0d or ascii_len <= 0:
            # Whitespace. Assume some spaces got eaten at end-of-line (checked later).
            this_ch = 0
        else:
            # The 64 instead of the expected 63: a few uuencoders use '`' as zero instead of space.
            if this_ch < 0x20 or this_ch > 0x20 + 64:
                raise Error('Illegal char')
            this_ch = (this_ch - 0x20) & 0o77
        # Shift it in on the low end, and see if there's a byte ready for output.
        leftchar = (leftchar << 6) | this_ch
        leftbits += 6
        if leftbits >= 8:
            leftbits -= 8
            out.append((leftchar >> leftbits) & 0xff)
            leftchar &= (1 << leftbits) - 1
            bin_len -= 1
        ascii_len -= 1
        pos += 1
    # Anything left on the line must be whitespace only.
    while ascii_len > 0:
        this_ch = ascii_data[pos]
        pos += 1
        ascii_len -= 1
        # Extra '`' may be written as padding in some cases.
        if this_ch != 0x20 and this_ch != 0x20 + 64 and this_ch != 0x0a and this_ch != 0x0d:
            raise Error('Trailing garbage')
    return bytes(out)


def b2a_uu(data, /, *, backtick=False):
    """Uuencode line of data."""
    bin_data = _bytes_like(data)
    bin_len = len(bin_data)
    if bin_len > 45:
        # The 45 is a limit that appears in all uuencode's.
        raise Error('At most 45 bytes at once')
    def enc(c):
        return 0x60 if backtick and not c else 0x20 + c
    out = [enc(bin_len & 0o77)]
    leftbits = 0
    leftchar = 0
    i = 0
    while i < bin_len or leftbits != 0:
        if leftbits < 6:
            # Shift the data (or padding) into our buffer.
            leftchar = (leftchar << 8) | (bin_data[i] if i < bin_len else 0)
            leftbits += 8
            i += 1
        # See if there are 6-bit groups ready.
        while leftbits >= 6:
            leftbits -= 6
            out.append(enc((leftchar >> leftbits) & 0x3f))
    out.append(0x0a)
    return bytes(out)


def _make_crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xedb88320 ^ (c >> 1)) if c & 1 else (c >> 1)
        table.append(c)
    return table


def _make_crc_hqx_table():
    table = []
    for n in range(256):
        c = n << 8
        for _ in range(8):
            c = ((c << 1) ^ 0x1021) if c & 0x8000 else (c << 1)
        table.append(c & 0xffff)
    return table


_crc32_table = _make_crc32_table()
_crc_hqx_table = _make_crc_hqx_table()


def crc32(data, crc=0, /):
    """Compute CRC-32 incrementally."""
    data = _bytes_like(data)
    if not isinstance(crc, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(crc).__name__)
    crc = ~crc & 0xffffffff
    table = _crc32_table
    for b in data:
        crc = table[(crc ^ b) & 0xff] ^ (crc >> 8)
    return ~crc & 0xffffffff


def crc_hqx(data, crc, /):
    """Compute CRC-CCITT incrementally."""
    data = _bytes_like(data)
    if not isinstance(crc, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(crc).__name__)
    crc &= 0xffff
    table = _crc_hqx_table
    for b in data:
        crc = ((crc << 8) & 0xff00) ^ table[(crc >> 8) ^ b]
    return crc
