# hashlib in an asyncio program: tasks fingerprint downloaded bodies, the way a cache key is made.
import asyncio
import hashlib

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f'<body of {name}>'.encode()

async def fingerprint(name, delay):
    body = await fetch(name, delay)
    key = hashlib.sha256(body).hexdigest()[:12]
    print(f'{name}: {len(body)} bytes, key {key}')
    return key

async def main():
    keys = await asyncio.gather(fingerprint('index', 0.2), fingerprint('about', 0.1), fingerprint('index', 0.3))
    print('unique bodies:', len(set(keys)), keys[0] == keys[2])

asyncio.run(main())
