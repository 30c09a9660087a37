# os (no file system: paths are strings), string constants, and the bytes methods.
import os, string, os.path
print(len(os.urandom(8)), type(os.urandom(2)).__name__, os.path.join('a', 'b', 'c.txt'), os.path.join('/x/', 'y'), os.path.join('a', '/abs'), os.path.basename('/a/b/c.py'), os.path.dirname('/a/b/c.py'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.split('/a/b/'), os.sep)
print(os.environ.get('NOPE', 'dflt'), os.getenv('NOPE'), isinstance(os.getpid(), int), string.ascii_letters, string.digits, string.punctuation, string.capwords('hello  big world'))
b = b'Hello, World\n'
print(b.hex(), b'\x01\xff'.hex(':'), bytes.fromhex('de ad be ef'), b.split(b','), b.strip(), b.replace(b'l', b'L', 1), b.startswith(b'He'), b.find(b'o'), b.count(b'l'), b', '.join([b'a', b'b']))
print(b.upper(), b.lower(), b'\xe9a'.upper(), b'123'.isdigit(), b'ab'.isalpha(), b.partition(b', '), b'a\nb'.splitlines(), b'x'.center(5, b'*'), b'42'.zfill(5))
try: b.split(',')
except TypeError as e: print(e)
try: bytes.fromhex('zz')
except ValueError as e: print(e)
