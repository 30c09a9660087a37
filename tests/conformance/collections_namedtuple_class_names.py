from collections import namedtuple
P = namedtuple('Point', 'x y')
p = P(1, 2)
print(P, type(p), type(p).__name__, P.__qualname__, P.__module__, p)
class Q(P):
    pass
print(Q, Q.__name__)
