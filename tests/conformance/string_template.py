# string.Template as tutorials use it: $name and ${name} from a dict, keywords or both (keywords
# win), $$ for a dollar, safe_substitute leaving what it cannot fill, get_identifiers/is_valid,
# a subclass with its own delimiter, templates filled in a loop; a missing key ends it (KeyError).
from string import Template
import string

t = Template('$who likes $what')
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'ann', 'what': 'tea'}, what='coffee'))
print(Template('${noun}ification costs $$${price} (${price} dollars)').substitute(noun='simpl', price=5))
print(Template('$x + $x = ${y}').substitute(x=1.5, y=3.0), Template('$a$b').substitute(a=[1], b=None))
print(Template('Hello $name, you owe $amount').safe_substitute(name='Bob'))
print(Template('Cost: $ 10 and ${unclosed and $9').safe_substitute())
print(t.template, t.get_identifiers(), t.is_valid(), Template('$a ${b} $a $$').get_identifiers())
print(Template('50$ off').is_valid(), Template('${}').is_valid(), Template('$_ok $ok2').is_valid())
print(Template('$über $x').safe_substitute(x=1), Template('$X$x').substitute(X='up', x='low'))

class PercentTemplate(Template):
    delimiter = '%'

print(PercentTemplate('%name got %%%score').substitute(name='Kim', score=97))
print(PercentTemplate('%{unit}s and $dollars').safe_substitute(unit='meter'))

class AtAt(Template):
    delimiter = '@@'

print(AtAt('@@user wrote @@@@ and @@{n} lines').substitute(user='zoe', n=3))

rows = [{'name': 'apple', 'qty': 3, 'price': 0.5}, {'name': 'pear', 'qty': 10, 'price': 0.25}]
line = Template('$qty x $name @ $$$price')
for row in rows:
    print(line.substitute(row))
print(string.capwords('hello   world of templates'), string.ascii_letters[:5], string.digits)

Template('Dear $title $surname').substitute(title='Dr')
