# base64 as tutorials use it: text to Base64 and back (str and bytes input), URL-safe tokens,
# altchars, padding-less input fixed up, Base32/Base32hex/Base16, Base85/Ascii85, MIME-style
# encodebytes with its 76-column lines, and binascii's hexlify/crc32 alongside.
import base64
import binascii

message = "Awaitlab runs asyncio in the browser ✓"
raw = message.encode("utf-8")
encoded = base64.b64encode(raw)
print(encoded, type(encoded).__name__)
print(base64.b64decode(encoded).decode("utf-8"))
print(base64.b64decode(encoded.decode("ascii")) == raw)
print(base64.standard_b64encode(b"user:pass"), base64.standard_b64decode("dXNlcjpwYXNz"))
print("Authorization: Basic " + base64.b64encode(b"aladdin:opensesame").decode())

for n in range(7):
    data = bytes(range(250, 250 + n)) if n else b""
    data = bytes(b % 256 for b in data)
    e = base64.b64encode(data)
    print(n, e, base64.b64decode(e) == data)

token = bytes([0xfb, 0xff, 0xfe, 0x3e, 0x3f, 0x00, 0x10])
print(base64.b64encode(token), base64.urlsafe_b64encode(token))
print(base64.urlsafe_b64decode(base64.urlsafe_b64encode(token)) == token)
print(base64.b64encode(token, altchars=b"-_"), base64.b64decode(b"-__-Pj8AEA==", altchars=b"-_"))
print(base64.urlsafe_b64decode("-__-Pj8AEA=="))
unpadded = base64.urlsafe_b64encode(b"jwt-ish payload").rstrip(b"=")
print(unpadded, base64.urlsafe_b64decode(unpadded + b"=" * (-len(unpadded) % 4)))
print(base64.b64decode(b"aGVs\nbG8g d29y\tbGQ=*junk"))
print(base64.b64decode("YWJj===="), base64.b64decode("YW=Jj"), base64.b64decode("YWJjZA==ignored"))

for data in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]:
    print(data, base64.b32encode(data), base64.b32hexencode(data), base64.b16encode(data))
    assert base64.b32decode(base64.b32encode(data)) == data
    assert base64.b32hexdecode(base64.b32hexencode(data)) == data
    assert base64.b16decode(base64.b16encode(data)) == data
print(base64.b32decode("mzxw6ytboi======", casefold=True), base64.b32decode("MZXW6YTB0I======", map01=b"L"))
print(base64.b16decode("cafe", casefold=True), base64.b16decode(b"00FF10"))

print(base64.b85encode(b"hello world"), base64.b85decode(b"Xk~0{Zy<MXa%^M"))
print(base64.b85encode(b"abc", pad=True))
print(base64.a85encode(b"hello world"), base64.a85decode(b"BOu!rD]j7BEbo7"))
print(base64.a85encode(b"\0\0\0\0    ", foldspaces=True), base64.a85decode(b"zy", foldspaces=True))
print(base64.a85encode(b"Adobe framing of a longer text", adobe=True, wrapcol=20))
print(base64.a85decode(b"<~87cURD]i,\"Ebo80~>", adobe=True))

blob = bytes(range(100))
mime = base64.encodebytes(blob)
print(mime.decode(), end="")
print([len(line) for line in mime.splitlines()], base64.decodebytes(mime) == blob)
print(base64.encodebytes(b""), base64.decodebytes(b"YQ==\n"))

print(binascii.hexlify(b"\x00\xffAz"), binascii.b2a_hex(b"\x01\x02\x03\x04\x05", "-", 2))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", -2), binascii.unhexlify("DEADbeef"), binascii.a2b_hex(b"00"))
print(binascii.b2a_base64(b"line"), binascii.b2a_base64(b"line", newline=False), binascii.a2b_base64("bGluZQ=="))
print(binascii.crc32(b"hello world"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc32(b""))
print(binascii.crc_hqx(b"123456789", 0xffff), binascii.crc_hqx(b"", 7))
print(binascii.b2a_uu(b"Cat"), binascii.a2b_uu(b"#0V%T\n"), binascii.b2a_uu(b"", backtick=True))
