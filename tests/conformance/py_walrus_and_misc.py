data = [1, 5, 3, 8]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 4])
x = 5
print(1 < x < 10, 10 > x >= 5 > 4, x if x > 3 else -x, not x, x and 0, '' or 'default')
del data[0]
print(data, type(None).__name__, type(1.0), callable(print), id(x) == id(x))
print(chr(65), ord('a'), ascii('é'), repr('it\'s'), 'a\tb\n'.expandtabs() if False else 'tab')
