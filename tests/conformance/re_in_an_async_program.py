# re in an asyncio program: tasks parse log lines with a compiled pattern while others sleep.
import asyncio
import re

LINE = re.compile(r'(?P<time>\d\d:\d\d:\d\d) (?P<level>INFO|WARN|ERROR) (?P<msg>.*)')

LOGS = {
    'web': ['10:00:01 INFO started', '10:00:02 WARN slow request /api/videos', '10:00:05 ERROR timeout after 5s'],
    'db': ['10:00:01 INFO connected', 'garbage line', '10:00:03 ERROR deadlock detected'],
}

async def scan(name, lines, delay):
    counts = {}
    for line in lines:
        await asyncio.sleep(delay)
        m = LINE.fullmatch(line)
        if not m:
            print(f'{name}: cannot parse {line!r}')
            continue
        counts[m['level']] = counts.get(m['level'], 0) + 1
        if m['level'] == 'ERROR':
            print(f'{name}: {m["time"]} {re.sub(r"\d+s", "<n>s", m["msg"])}')
    return name, counts

async def main():
    results = await asyncio.gather(scan('web', LOGS['web'], 0.1), scan('db', LOGS['db'], 0.12))
    for name, counts in results:
        print(name, sorted(counts.items()))
    words = re.findall(r'[a-z]+', ' '.join(l for ls in LOGS.values() for l in ls))
    print(len(words), sorted(set(words))[:5])

asyncio.run(main())
