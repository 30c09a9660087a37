class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @staticmethod
    def describe():
        return 'a temperature'

    @classmethod
    def freezing(cls):
        return cls(0)

    def __eq__(self, other):
        return self._c == other._c

    def __lt__(self, other):
        return self._c < other._c

t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._c, Temperature.describe(), Temperature.freezing() == t)
print(sorted([Temperature(5), Temperature(-1)])[0]._c, Temperature(1) < Temperature(2))
