# Docstrings and introspection of a class: inspect.getdoc (cleaned, inherited from a parent when
# missing), inspect.cleandoc (tabs expanded), isabstract on ABCs, getmembers with a predicate,
import abc
import inspect

class Handler(abc.ABC):
    """Base class for request handlers.

        Subclasses implement handle().
    Indentation of later lines is removed.
    """

    @abc.abstractmethod
    async def handle(self, request):
        """Handle one request."""

    def describe(self):
        return type(self).__name__

class EchoHandler(Handler):
    async def handle(self, request):
        return request

    def shout(self, text):
        """
        Return TEXT in capitals.
        """
        return text.upper()

print(repr(inspect.getdoc(Handler)))
print(repr(Handler.__doc__.splitlines()[2]))
print('inherited doc for class:', repr(inspect.getdoc(EchoHandler)))
print('leading blank lines dropped:', repr(inspect.getdoc(EchoHandler.shout)))
print('no doc at all:', inspect.getdoc(lambda: 0))
print(repr(inspect.cleandoc('''
    First line.
      indented more
    back

''')))
print(repr(inspect.cleandoc('Single\tline   ')))
print('isabstract:', inspect.isabstract(Handler), inspect.isabstract(EchoHandler), inspect.isabstract(int))
try:
    Handler()
except TypeError as e:
    print('TypeError:', e)

members = inspect.getmembers(EchoHandler, inspect.isfunction)
print('functions on EchoHandler:', [name for name, _ in members])
coros = [name for name, fn in inspect.getmembers(EchoHandler(), inspect.ismethod)
         if inspect.iscoroutinefunction(fn)]
print('coroutine methods on an instance:', coros)
print('getmembers is sorted by name:', [n for n, _ in inspect.getmembers(EchoHandler) if not n.startswith('_')])
print('mro:', [c.__name__ for c in inspect.getmro(EchoHandler)])
