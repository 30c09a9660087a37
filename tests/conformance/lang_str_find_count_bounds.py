# str.find, rfind, index, rindex, count, startswith and endswith with start and end (negative,
# past the end, None), as slices of the string.
s = 'a.b.c.d'
print(s.find('.', 2), s.find('.', 2, 3), s.rfind('.', 0, 2), s.rfind('.', -3), s.find('', 7), s.find('', 8), s.find('.', None, 2))
print(s.count('.', 0, 4), s.count('.', -2), s.count('', 2, 4), s.count('', 9), s.count('x', 100))
print(s.startswith('b', 2), s.startswith('b', 2, 2), s.startswith(('x', 'c'), 4), s.endswith('b', 0, 3), s.endswith('d', -1), s.startswith('', 7), s.startswith('', 8))
print(s.index('c', 1, -1), s.rindex('.', 0, 5), 'héllo wörld'.find('ö', 3), 'héllo wörld'.rfind('l', 0, 5), 'ab' * 3 .count('ab', 1))
for call in (lambda: s.index('x', 2), lambda: s.rindex('a', 1), lambda: s.find('.', 'x')):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
