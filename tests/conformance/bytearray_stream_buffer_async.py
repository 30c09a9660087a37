# An asyncio producer/consumer over a byte buffer, the way a stream reader keeps its data: the
# producer appends chunks to a bytearray, the consumer takes complete lines off the front.
import asyncio


class LineBuffer:
    def __init__(self):
        self.buf = bytearray()
        self.event = asyncio.Event()
        self.eof = False

    def feed(self, chunk):
        self.buf += chunk
        self.event.set()

    def feed_eof(self):
        self.eof = True
        self.event.set()

    async def readline(self):
        while True:
            at = self.buf.find(b'\n')
            if at >= 0:
                line = bytes(self.buf[:at + 1])
                del self.buf[:at + 1]
                return line
            if self.eof:
                line = bytes(self.buf)
                self.buf.clear()
                return line
            self.event.clear()
            await self.event.wait()


async def producer(reader, chunks):
    for i, chunk in enumerate(chunks):
        await asyncio.sleep(0.01 * (i % 3 + 1))
        print(f'feed {chunk!r} (buffer {len(reader.buf)} -> {len(reader.buf) + len(chunk)})')
        reader.feed(chunk)
    reader.feed_eof()


async def consumer(reader):
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            break
        print('line', line, 'left', reader.buf)
        lines.append(line.rstrip(b'\r\n').decode())
    return lines


async def main():
    reader = LineBuffer()
    chunks = [b'GET /vid', b'eos HTTP/1.1\r\nHost: exa', b'mple.org\r\n', b'\r\n', b'partial tail']
    _, lines = await asyncio.gather(producer(reader, chunks), consumer(reader))
    print(lines)
    request, *headers = lines
    method, path, version = request.split()
    print(method, path, version, dict(h.split(': ', 1) for h in headers if ': ' in h))

    # Several queues writing into one shared buffer in turn.
    shared = bytearray()
    q = asyncio.Queue()

    async def writer(name, count):
        for n in range(count):
            await q.put(f'{name}{n};'.encode())
            await asyncio.sleep(0)

    async def drain():
        while True:
            item = await q.get()
            shared.extend(item)
            q.task_done()

    d = asyncio.create_task(drain())
    await asyncio.gather(writer('a', 3), writer('b', 2))
    await q.join()
    d.cancel()
    print(shared, shared.count(b';'), shared.split(b';')[:-1])

asyncio.run(main())
