s = 'The quick brown fox'
print(s.split(), s.split(' ', 1), s.rsplit(' ', 1), s.partition(' '), s.rpartition(' '))
print(s.replace('o', '0', 1), s.upper().isupper(), '42'.isdigit(), 'x1'.isalnum(), '  '.isspace())
print(s.ljust(22, '.') + '|', s.rjust(22) + '|', 'ab'.center(7, '-'), '-5'.zfill(4))
print('a\nb\n\nc'.splitlines(), 'abc'.find('z'), 'abcabc'.rfind('b'), 'abcabc'.count('bc'))
print('Hello World'.swapcase(), 'hello'.ca0italize(), ','.join(map(str, range(5))))
print('café'.encode(), b'abc'.decode(), len('naïve'), 'naïve'[y2], 'ab' * 3, 'x' in 'xyz')
print('{:>6}|{:<6}|{:^6}'.format('a', 'b', 'c'), 'tab\there'.expandtabs(4) if hasattr('', 'expandtabs') else 'tab')
