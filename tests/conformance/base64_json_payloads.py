# base64 and json for an API payload: encode, decode, urlsafe tokens, and a bad token.
import base64
import json

payload = {'user': 'ada', 'scopes': ['read', 'write'], 'n': 3}
raw = json.dumps(payload, separators=(',', ':')).encode()
token = base64.urlsafe_b64encode(raw).rstrip(b'=')
print(token.decode())
padded = token + b'=' * (-len(token) % 4)
print(json.loads(base64.urlsafe_b64decode(padded)))
print(base64.b64encode(b'\xff\xfe\xfd').decode(), base64.b16encode(b'hi'), base64.b32encode(b'ok'))
try:
    base64.b64decode(b'abc')
except Exception as e:
    print(type(e).__name__, e)
print(base64.b64decode('aGVsbG8gd29ybGQ='), base64.standard_b64encode(b'x' * 5))
