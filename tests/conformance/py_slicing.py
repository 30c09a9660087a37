s = 'abcdefghij'
print(s[2:5], s[:3], s[-3:], s[::2], s[::-1], s[5:2:-1], s[100:], s[-100:2])
l = list(range(10))
l[2:4] = ['a', 'b', 'c']
print(l)
del l[::3]
print(l, l[1:-1:2])
t = (1, 2, 3, 4)
print(t[1:], t[:-1], t[::-2], range(10)[2:8:3], list(range(10)[::-3]))
