# base64's and binascii's errors with CPython's messages: bad padding, strict validation
# (validate=True), non-alphabet digits in Base32/Base16/Base85/Ascii85, non-ASCII strings, wrong
# argument types; binascii.Error is a ValueError; the last decode error is left uncaught.
import base64
import binascii

print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Error.__name__)


def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", fn(*args, **kwargs))
    except binascii.Error as e:
        print(label, "-> binascii.Error:", e)
    except (ValueError, TypeError) as e:
        print(label, f"-> {type(e).__name__}:", e)


attempt("b64 no padding", base64.b64decode, "YWJjZA")
attempt("b64 one extra", base64.b64decode, "YWJjZ")
attempt("b64 five data", base64.b64decode, b"abcde")
attempt("b64 junk ok", base64.b64decode, b"YW$Jj")
attempt("validate junk", base64.b64decode, b"YW$Jj", validate=True)
attempt("validate newline", base64.b64decode, b"YWJj\nZA==", validate=True)
attempt("validate leading =", base64.b64decode, b"=YWJj", validate=True)
attempt("validate after pad", base64.b64decode, b"YQ==YQ==", validate=True)
attempt("validate gap pad", base64.b64decode, b"YWJj=ZA==", validate=True)
attempt("validate good", base64.b64decode, "YWJjZA==", validate=True)
attempt("non-ascii str", base64.b64decode, "YWJjZA==é")
attempt("b64 of str", base64.b64encode, "text")
attempt("b64 of int", base64.b64encode, 42)
attempt("decode int", base64.b64decode, 42)
attempt("decode None", base64.urlsafe_b64decode, None)
attempt("b32 padding", base64.b32decode, "MZXW6")
attempt("b32 digit", base64.b32decode, "MZXW6YT1")
attempt("b32 lower", base64.b32decode, "mzxw6ytb")
attempt("b32 bad pad", base64.b32decode, "MZXW6Y==")
attempt("b32 of str", base64.b32encode, "abc")
attempt("b16 lower", base64.b16decode, "cafe")
attempt("b16 odd", base64.b16decode, "CAF")
attempt("b16 junk", base64.b16decode, "CAFX")
attempt("b85 char", base64.b85decode, b"ab\"cd")
attempt("b85 overflow", base64.b85decode, b"~~~~~")
attempt("a85 char", base64.a85decode, b"abc{")
attempt("a85 z inside", base64.a85decode, b"abzcd")
attempt("a85 overflow", base64.a85decode, b"uuuuu")
attempt("a85 adobe end", base64.a85decode, b"<~abc", adobe=True)
attempt("encodebytes str", base64.encodebytes, "abc")
attempt("decodebytes str", base64.decodebytes, "YWJj")
attempt("unhexlify odd", binascii.unhexlify, "abc")
attempt("unhexlify junk", binascii.unhexlify, "zz")
attempt("unhexlify é", binascii.unhexlify, "é0")
attempt("hexlify str", binascii.hexlify, "ab")
attempt("hexlify sep", binascii.hexlify, b"ab", "--")
attempt("hexlify sep type", binascii.hexlify, b"ab", [1])
attempt("a2b_base64 list", binascii.a2b_base64, [1, 2])
attempt("b2a_uu too long", binascii.b2a_uu, b"x" * 46)
attempt("a2b_uu illegal", binascii.a2b_uu, b"#\x01\x02\x03")
attempt("crc32 str", binascii.crc32, "abc")

try:
    base64.b64decode("not base64!")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)

base64.b64decode("abc")
