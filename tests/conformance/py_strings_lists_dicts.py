s = '  Hello, World  '
print(s.strip().lower().split(', '), s.count('l'), s.find('World'), s.strip()[::-1])
print('-'.join(['a', 'b', 'c']), 'a,b,,c'.split(','), 'x'.center(5, '*'), 'abc'.zfill(6))
print('hello world'.title(), 'Hello'.startswith(('He', 'x')), 'tEsT'.swapcase())
nums = [5, 3, 8, 1]
nums.sort()
nums.append(10)
nums.insert(0, 0)
print(nums, nums.pop(), nums.index(8), nums[1:3], nums[::-2], len(nums))
d = {'b': 2, 'a': 1}
d['c'] = 3
d.update(z=26)
print(d, list(d.keys()), sorted(d.items()), d.get('q', 'none'), d.pop('z'))
print(sorted(['banana', 'Apple', 'cherry'], key=str.lower), sorted([3, 1, 2], reverse=True))
a, *rest = [1, 2, 3, 4]
first, (second, third) = 'x', ('y', 'z')
print(a, rest, first, second, third)
print(list(zip('abc', range(3))), list(enumerate('xy', 1)), dict(zip('ab', [1, 2])))
print(min([4, 2, 9]), max('hello'), sum([0.1] * 10), abs(-7), round(2.5), round(3.14159, 2))
