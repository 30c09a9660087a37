# re: re.error with its message, position, line and column; type errors of mixing str and bytes;
# bytes patterns; a traceback from a bad pattern.
import re

for pattern in ('(', 'a)', '[a-', '*a', 'a{2,1}', '(?P<1>a)', '(?P<n>a)(?P<n>b)', r'\k', 'a**', '(?<=a+)b', '[z-a]'):
    try:
        re.compile(pattern)
        print(pattern, 'compiled')
    except re.error as e:
        print(repr(pattern), '->', e.msg, '| pos', e.pos, '| line', e.lineno, 'col', e.colno)
try:
    re.compile('ab\n(c')
except re.error as e:
    print(e, e.lineno, e.colno)
for call in (lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('a', 1),
             lambda: re.compile(re.compile('a'), re.I), lambda: re.compile(1)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(re.findall(rb'\d+', b'a1b22'), re.sub(rb'(\w)', rb'<\1>', b'ab'), re.split(rb',', b'x,y'))
print(re.match(rb'(?P<k>\w+)=(?P<v>\w+)', b'key=val').groupdict())
print(isinstance(re.compile('a'), re.Pattern), isinstance(re.match('a', 'a'), re.Match), re.error.__name__)
re.compile('[unclosed')
