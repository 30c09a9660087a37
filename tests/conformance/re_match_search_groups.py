# re: match/search/fullmatch, groups by number and name, spans, lastindex/lastgroup, reprs.
import re

m = re.match(r'(\w+) (\w+)(?: (\d+))?', 'Isaac Newton 1643 physicist')
print(m)
print(m.group(), m.group(0), m.group(1), m.group(2, 3), m[1], m.groups(), m.groups('-'))
print(m.start(), m.end(), m.span(), m.span(3), m.start(2), m.end(2), m.pos, m.endpos, m.string)
print(m.lastindex, m.lastgroup, m.regs, m.re)
n = re.match(r'(?P<first>\w+) (?P<last>\w+)(?: (?P<year>\d+))?', 'Marie Curie')
print(n.groupdict(), n.groupdict('?'), n['first'], n.group('last'), n.lastgroup, n.lastindex, n.span('year'))
print(re.search(r'\d+', 'abc 123 def 456'), re.search(r'^\d', 'abc\n1', re.M), re.search(r'^\d', 'abc\n1'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.fullmatch(r'a|ab', 'ab'))
print(re.match('a', 'ba'), bool(re.match('', 'x')), re.match('(a)|b', 'b').groups())
p = re.compile(r'o')
print(p.search('hello world', 5), p.match('hello', 4), p.search('hello world', 0, 4), p.fullmatch('xox', 1, 2))
try:
    m.group(4)
except IndexError as e:
    print('IndexError', e)
try:
    n.group('middle')
except IndexError as e:
    print('IndexError', e)
print(re.match(r'(a)(b)?', 'ac').lastindex, re.match(r'((a)b)', 'ab').lastindex, re.match(r'(a)(?:b)', 'ab').lastgroup)
