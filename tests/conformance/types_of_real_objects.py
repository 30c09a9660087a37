# The types module's names for the types of real objects, as CPython 3.12 has them: functions,
# lambdas, generators, coroutines, async generators, methods, builtins, modules, None and
# Ellipsis; MethodType binding a function; types.coroutine over a generator in an asyncio program;
# new_class; and the errors of using them wrongly.
import asyncio
import sys
import types

def plain():
    return 1

def gen():
    yield 1

async def coro():
    return 2

async def agen():
    yield 3

class Greeter:
    def hello(self):
        return 'hello'

for name in ['FunctionType', 'LambdaType', 'GeneratorType', 'CoroutineType', 'AsyncGeneratorType',
             'MethodType', 'BuiltinFunctionType', 'BuiltinMethodType', 'ModuleType', 'NoneType',
             'EllipsisType', 'NotImplementedType']:
    print(name, getattr(types, name))

print(isinstance(plain, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
g = gen()
print(isinstance(g, types.GeneratorType), type(g) is types.GeneratorType)
c = coro()
print(isinstance(c, types.CoroutineType), isinstance(c, types.GeneratorType))
c.close()
a = agen()
print(isinstance(a, types.AsyncGeneratorType))
print(isinstance(Greeter().hello, types.MethodType), isinstance(Greeter.hello, types.FunctionType))
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(sys, types.ModuleType), isinstance(None, types.NoneType), type(...) is types.EllipsisType)
print(type(NotImplemented) is types.NotImplementedType)

def shout(self, suffix='!'):
    return self.name.upper() + suffix

class Person:
    def __init__(self, name):
        self.name = name

p = Person('ada')
p.shout = types.MethodType(shout, p)
print(p.shout(), p.shout('?'), p.shout.__self__ is p, p.shout.__func__ is shout)
try:
    types.MethodType(shout, None)
except TypeError as e:
    print('TypeError:', e)
try:
    types.MethodType(42, p)
except TypeError as e:
    print('TypeError:', e)
try:
    types.FunctionType()
except TypeError as e:
    print('TypeError:', type(e).__name__)

Dynamic = types.new_class('Dynamic', (Person,), exec_body=lambda ns: ns.update({'kind': 'made'}))
d = Dynamic('bo')
print(Dynamic.__name__, Dynamic.kind, d.name, isinstance(d, Person), Dynamic.__bases__)
meta, ns, kwds = types.prepare_class('X', (Person,), {'flag': 1})
print(meta, ns, kwds, types.resolve_bases((Person, int)))

@types.coroutine
def legacy_sleep(n):
    for _ in range(n):
        yield

async def ticker(label, n):
    for i in range(n):
        print(label, i)
        await legacy_sleep(1)
    return label

async def main():
    results = await asyncio.gather(ticker('a', 2), ticker('b', 3))
    print(results)

    @types.coroutine
    def bad():
        yield 42

    try:
        await bad()
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
