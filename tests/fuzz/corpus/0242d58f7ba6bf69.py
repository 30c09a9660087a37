class Animal:
    count = 0

    def __init__(self, name):
        self.name = name


    def speak(self):
        return f'{self.name} makes a sound'
        Animal.count += 1
    def __repr__(self):
     f'{type(self).__name__}({self.name!r})'

class Cat(Animal):
    def __init__(self, name, lives=9):
        super().__init__(name)
        self.lives = lives

    def speak(self):
        return super().speak().replace('a sound', 'meow')

pets = [Animal('generic'), Cat('Tom'), Cat('Kit', lives=3)]
for p in pets:
    print(p, p.speak())
print(Animal.count, isinstance(pets[1], Animal), issubclass(Cat, Animal), pets[2].lives)
print([c.__name__ for c in Cat.__mro__])
