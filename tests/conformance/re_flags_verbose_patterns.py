# re: flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII), inline flags, lookarounds,
# backreferences, non-greedy and possessive-free repeats, character classes, Pattern reprs.
import re

print(re.findall(r'^\w+', 'one\ntwo\nthree', re.M), re.findall(r'^\w+', 'one\ntwo'))
print(re.match(r'a.b', 'a\nb'), re.match(r'a.b', 'a\nb', re.S))
phone = re.compile(r'''
    (\d{3})   # area code
    [-.\s]?   # separator
    (\d{4})   # number
''', re.VERBOSE)
print(phone.search('call 555-1234 now').groups(), phone.flags)
print(re.findall(r'\w+', 'café naïve', re.A), re.findall(r'\w+', 'café naïve'))
print(re.findall(r'(?i)straße', 'STRASSE Straße'), re.match('(?x) a b c', 'abc'))
print(re.findall(r'\d+(?= dollars)', '10 dollars 20 euros 30 dollars'))
print(re.findall(r'(?<!\$)\b\d+', '$10 20 $30 40'), re.findall(r'(?<=@)\w+', 'a@b c@d'))
print(re.search(r'(\w)\1', 'hello').group(), re.sub(r'(?P<c>\w)(?P=c)', r'<\g<c>>', 'aabbc'))
print(re.match(r'<.*?>', '<a><b>').group(), re.match(r'<.*>', '<a><b>').group(), re.match('a{2,3}?', 'aaaa'))
print(re.findall(r'[^aeiou\s]+', 'programming is fun'), re.findall(r'[\w.-]+@[\w-]+\.\w+', 'x a.b@c-d.org y'))
print(re.compile('ab'), re.compile('ab', re.I | re.M), re.compile(b'ab', re.I), re.compile('x', re.A | re.S | re.X))
print(re.compile('a' * 5) == re.compile('a' * 5), re.compile('a', re.I) == re.compile('a'), int(re.I | re.M), re.IGNORECASE == 2)
print(re.compile(r'(?P<a>x)(y)').groupindex['a'], re.compile(r'(?P<a>x)(y)').groups, re.compile('a').pattern)
print(re.escape('1+1=2? [yes] (a.b) $x ^y'), re.escape('plain_text'))
print(re.purge(), re.compile('cached') is re.compile('cached'))
