# Building binary frames for a small sensor protocol: a header patched in after the payload is
# known, a checksum over the frame, struct.pack_into at offsets, and a reader that checks them.
import asyncio
import struct

MAGIC = 0xA55A
HEADER = struct.Struct('>HBBH')  # magic, version, kind, payload length


def checksum(data):
    total = 0
    for b in data:
        total = (total + b) & 0xFF
    return (~total) & 0xFF


def build_frame(kind, readings):
    frame = bytearray(HEADER.size)  # room for the header, filled in last
    for sensor_id, value in readings:
        frame += struct.pack('>Bh', sensor_id, value)
    HEADER.pack_into(frame, 0, MAGIC, 1, kind, len(frame) - HEADER.size)
    frame.append(checksum(frame))
    return frame


def parse_frame(frame):
    magic, version, kind, length = HEADER.unpack_from(frame, 0)
    if magic != MAGIC:
        raise ValueError(f'bad magic {magic:#06x}')
    body = frame[HEADER.size:HEADER.size + length]
    if checksum(frame[:-1]) != frame[-1]:
        raise ValueError('checksum mismatch')
    readings = [struct.unpack_from('>Bh', body, at) for at in range(0, len(body), 3)]
    return version, kind, readings


frame = build_frame(2, [(1, 215), (2, -40), (7, 1023)])
print(type(frame).__name__, len(frame))
print(frame)
print(frame.hex(' '))
print(parse_frame(frame))

# Corrupt one byte in place and the checksum catches it.
damaged = frame.copy()
damaged[7] ^= 0xFF
try:
    parse_frame(damaged)
except ValueError as e:
    print('ValueError', e)
print('original untouched:', parse_frame(frame)[2][0])

# A fixed-size record buffer reused for each record.
record = bytearray(8)
for i, (x, y) in enumerate([(10, 20), (-5, 300), (0, -1)]):
    struct.pack_into('<HhI', record, 0, i, x, y & 0xFFFFFFFF)
    print(i, bytes(record), struct.unpack('<HhI', record))

try:
    struct.pack_into('<I', bytearray(3), 0, 1)
except struct.error as e:
    print('struct.error', e)
try:
    struct.pack_into('<I', b'\x00' * 8, 0, 1)
except TypeError as e:
    print('TypeError', e)


async def send_frames(writer_log, frames):
    for f in frames:
        await asyncio.sleep(0.01)
        writer_log.extend(f)
    return len(writer_log)


async def main():
    wire = bytearray()
    frames = [build_frame(k, [(k, k * 100)]) for k in range(3)]
    sent = await send_frames(wire, frames)
    print('sent', sent, 'bytes')
    at = 0
    while at < len(wire):
        length = struct.unpack_from('>H', wire, at + 4)[0]
        size = HEADER.size + length + 1
        print(parse_frame(wire[at:at + size]))
        at += size

asyncio.run(main())
