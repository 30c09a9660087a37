# string.Template's errors with CPython's messages: an invalid placeholder reported by line and
# column (on the first and later lines, with a trailing $), missing keys, two mappings' TypeError,
# a subclass's non-ASCII delimiter; an uncaught ValueError at the end.
from string import Template

cases = ['price: $5', 'ok\n  and $ bad', 'first\nsecond\nthird $', 'a ${b c}', '${', 'tab\t$!', '$$ fine $x']
for text in cases:
    try:
        print(repr(Template(text).substitute(x='X')))
    except ValueError as e:
        print('ValueError:', e)
    except KeyError as e:
        print('KeyError:', e)
    print(' safe:', repr(Template(text).safe_substitute()), 'valid:', Template(text).is_valid())
for mapping in [{}, {'name': 'x'}]:
    try:
        print(Template('$name and $other').substitute(mapping))
    except KeyError as e:
        print('KeyError:', e)
try:
    Template('$a').substitute({'a': 1}, {'b': 2})
except TypeError as e:
    print('TypeError:', e)

class Money(Template):
    delimiter = '£'

print(Money('£amount and ££').substitute(amount='3.50'))
try:
    Money('bad £ sign').substitute()
except ValueError as e:
    print('ValueError:', e)

Template('Total: $').substitute()
