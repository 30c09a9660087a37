# re.escape for user text inside patterns, compiled patterns reused, purge, and a pattern's repr
# and flags.
import re

needles = ['a.b', '1+1', '(x)', 'price: $5']
text = 'a.b axb 1+1 11 (x) x price: $5'
for n in needles:
    print(repr(n), [m.span() for m in re.finditer(re.escape(n), text)])
word = re.compile(r'\b\w{3}\b', re.I)
print(word.findall('The cat sat ON the mat'), word.pattern, word.flags & re.I == re.I)
print(re.compile('x') is re.compile('x'), re.purge(), re.sub(re.escape('$5'), '$6', text))
