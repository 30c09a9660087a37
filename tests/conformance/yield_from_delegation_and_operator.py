# yield from forwards send(), throw() and close() to the generator it drives (PEP 380);
# the operator module.
import operator


def inner():
    try:
        while True:
            try:
                x = yield "ready"
                print("inner got", x)
            except ValueError as e:
                print("inner caught", e)
                yield "recovered"
    finally:
        print("inner closing")


def outer():
    r = yield from inner()
    print("never", r)


g = outer()
print(next(g), g.send("a"), g.throw(ValueError("v")), next(g))
g.close()
print("closed")


def finite():
    x = yield 1
    try:
        yield x
    except KeyError:
        return "stopped by KeyError"


def wrapper():
    result = yield from finite()
    print("wrapper got", result)
    yield "after"


w = wrapper()
print(next(w), w.send(10), w.throw(KeyError("k")))


def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y


def delegate():
    r = yield from gen()
    print("delegate got", r)


d = delegate()
next(d)
d.send(1)
try:
    d.send(2)
except StopIteration:
    print("done")
print(operator.add(1, 2), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real", "imag")(3), operator.methodcaller("upper")("x"))
print(operator.itemgetter(1), operator.attrgetter("a.b"), operator.methodcaller("split", ",", maxsplit=1))
print(sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)), operator.truth([]), operator.contains("abc", "b"), operator.neg(3))
