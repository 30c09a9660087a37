# re: sub/subn with group references in templates, named groups, \g<0>, callables, count,
# escapes in templates, and the errors of bad templates.
import re

print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'alice@example.com, bob@test.com'))
print(re.sub(r'(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)', r'\g<d>/\g<m>/\g<y>', 'due 2024-03-15'))
print(re.sub(r'\d+', r'[\g<0>]', 'a1b22'), re.sub('a', r'\n', 'xax') == 'x\nx', re.sub('a', r'\\', 'xax'))
print(re.subn(r'\s+', ' ', '  many   spaces\there  '))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 0), re.subn('x', 'y', 'abc'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b20 c300'))
def censor(m):
    word = m.group(0)
    return word[0] + '*' * (len(word) - 1)
print(re.sub(r'\b(bad|ugly)\b', censor, 'the bad and the ugly', flags=re.I))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('(?i)HELLO', 'bye', 'hello Hello'))
print(re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'))
print(re.compile(r'(\w)(\w)').sub(r'\2\1', 'abcdef'))
print(re.match(r'(\w+) (\w+)', 'hello world').expand(r'\2, \1!'))
for bad in (r'\3', r'\g<name>', r'\g<1', r'\q'):
    try:
        re.sub(r'(a)(b)', bad, 'ab')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print('TypeError', e)
