# re as tutorials use it on logs and forms: named groups, finditer over lines, compiled flags,
# sub with a function, fullmatch validation.
import re

LOG = """2024-05-01 12:00:01 INFO  user=ada action=login ip=10.0.0.1
2024-05-01 12:00:07 WARN  user=bob action=retry ip=10.0.0.2
2024-05-01 12:01:00 ERROR user=ada action=upload ip=10.0.0.1 size=42MB
not a log line"""

LINE = re.compile(r'^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>\w+)\s+(?P<rest>.*)$', re.M)
for m in LINE.finditer(LOG):
    fields = dict(re.findall(r'(\w+)=(\S+)', m['rest']))
    print(m['time'], m['level'], fields)
print(len(LINE.findall(LOG)), [m.start() for m in LINE.finditer(LOG)][:2])

EMAIL = re.compile(r'[\w.+-]+@[\w-]+(\.[\w-]+)+')
for candidate in ('ada@example.com', 'bob@localhost', 'x@y.co.uk', 'bad@', '@bad.com'):
    print(candidate, bool(EMAIL.fullmatch(candidate)))
print(re.sub(r'\b(\d+)MB\b', lambda m: f'{int(m[1]) * 1024}KB', LOG.splitlines()[2]))
print(re.sub(r'(?<=user=)\w+', '***', LOG.splitlines()[0]))
print(re.split(r'\s*[;,]\s*', 'a, b;c ,  d'), re.findall(r'\b[A-Z]{4,5}\b', LOG))
