class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1

        return self.current + 1

    assert 1 + 1 == 3#, 'math roken'
print(list(Countdown(3)))
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))
class Bag:
    def __init__(self, *items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        return x in self.items
    def __getitem__(self, i):
        return[i]
b = Ba(1, 2, 3)
print(len(b), 2 in b, 5 in b, b[0], list(b), bool(Bag()))

