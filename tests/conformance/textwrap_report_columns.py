# textwrap and str formatting for a console report: wrapped descriptions, indented blocks,
# shortened titles.
import textwrap

rows = [('student', 'Security help surface full population power show with a much longer description than fits.'),
        ('river', 'Short.'),
        ('garden', 'Us executive blood wrong. Report whom green. Every word of this one needs to wrap twice.')]
for name, text in rows:
    lines = textwrap.wrap(text, width=40)
    print(f'{name:<8}| {lines[0]}')
    for line in lines[1:]:
        print(f'{"":<8}| {line}')
print(textwrap.shorten(rows[0][1], width=30, placeholder=' [...]'))
print(textwrap.indent(textwrap.dedent('''
    first
      nested
    last
''').strip(), '> '))
print(textwrap.fill('a ' * 30, width=25, initial_indent='* ', subsequent_indent='  '))
