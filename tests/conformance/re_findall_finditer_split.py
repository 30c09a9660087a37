# re: findall (no group, one group, several), finditer, split with groups and maxsplit, empty matches.
import re

text = 'The rain in Spain stays mainly in the plain; 12 drops, 345 puddles.'
print(re.findall(r'ai\w*', text))
print(re.findall(r'(\w+)ain', text))
print(re.findall(r'(\d+) (\w+)', text))
print(re.findall(r'(a)|(b)', 'ab'))
print([m.span() for m in re.finditer(r'\bin\b', text)])
print([(m.start(), m.group()) for m in re.finditer(r'\d*', 'a12b')])
print(re.findall('', 'abc'), re.findall(r'x*', 'axxb'))
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(?:,)|(;)', 'a,b;c'))
print(re.split(r'\b', 'one two'), re.split(r'x*', 'axbc'), re.split('', 'ab'))
print(re.split(',', 'a,b,c', maxsplit=-1), re.split(',', ''))
it = re.finditer(r'\w+', 'one two')
print(next(it).group(), next(it).group(), next(it, 'done'))
print(re.compile(r'\d').findall('a1b2c3', 2, 5))
