# abc as CPython 3.12 has it: ABC and ABCMeta, abstract methods, properties and class methods,
# the TypeError of instantiating an abstract class (one method, several), partial
# implementations, super() into an abstract method, register() and virtual subclasses,
# __subclasshook__, update_abstractmethods; the last instantiation is left uncaught.
import abc
from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        """The area."""

    @abstractmethod
    def perimeter(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f'{self.name}: area {self.area()}, perimeter {self.perimeter()}'

class Rectangle(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)

    @property
    def name(self):
        return 'rectangle'

class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)

    @property
    def name(self):
        return 'square'

class HalfDone(Shape):
    def area(self):
        return 0

for cls in (Shape, HalfDone, Rectangle, Square):
    try:
        obj = cls(2, 3) if cls is Rectangle else cls(4) if cls is Square else cls()
        print(obj.describe())
    except TypeError as e:
        print('TypeError:', e)

print(type(Shape), type(Square), type(ABC), ABCMeta.__name__, repr(ABC))
print(sorted(Shape.__abstractmethods__), sorted(HalfDone.__abstractmethods__), Square.__abstractmethods__)
print(isinstance(Square(1), Shape), issubclass(Square, Rectangle), issubclass(Rectangle, ABC))
print(Shape.area.__isabstractmethod__, getattr(Rectangle.area, '__isabstractmethod__', False))
print(Shape.__mro__)

class Plugin(metaclass=ABCMeta):
    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @staticmethod
    @abstractmethod
    def version():
        ...

    @abstractmethod
    def run(self):
        print('Plugin.run (the default)')
        return 'base'

class Echo(Plugin):
    @classmethod
    def create(cls):
        return cls()

    @staticmethod
    def version():
        return '1.0'

    def run(self):
        return 'echo+' + super().run()

print(Echo.create().run(), Echo.version(), isinstance(Echo(), Plugin))
try:
    Plugin.create()
except TypeError as e:
    print('TypeError:', e)
print(Plugin.create() if False else 'classmethod on an abstract class runs:', Plugin.version())

# Virtual subclasses: register() as a call and as a decorator.
class Drawable(ABC):
    @abstractmethod
    def draw(self):
        ...

class Sprite:
    def draw(self):
        return 'sprite'

Drawable.register(Sprite)

@Drawable.register
class Text:
    pass

print(isinstance(Sprite(), Drawable), issubclass(Text, Drawable), issubclass(int, Drawable))
print(Drawable.register(Sprite) is Sprite, Drawable not in Sprite.__mro__)
print(isinstance(abc.get_cache_token(), int))
try:
    Drawable.register('not a class')
except TypeError as e:
    print('TypeError:', e)
try:
    Shape.register(ABC)
except RuntimeError as e:
    print('RuntimeError:', e)

class Closeable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Closeable:
            return any('close' in vars(B) for B in C.__mro__)
        return NotImplemented

class File:
    def close(self):
        pass

class Rock:
    pass

print(issubclass(File, Closeable), isinstance(Rock(), Closeable), isinstance(File(), Closeable))

class Lazy(ABC):
    @abstractmethod
    def go(self):
        ...

Lazy.go = lambda self: 'went'
print(sorted(Lazy.__abstractmethods__))
abc.update_abstractmethods(Lazy)
print(sorted(Lazy.__abstractmethods__), Lazy().go())

class Repository(ABC):
    @abstractmethod
    def get(self, key):
        ...

    @abstractmethod
    def put(self, key, value):
        ...

class MemoryRepository(Repository):
    def get(self, key):
        return None

MemoryRepository()
