# logging's caller lookup: stack_info=, findCaller(), stacklevel past helpers, exc_info tuples,
# and print(file=...) to an object with a write() method.
import logging
import sys


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


logging.basicConfig(stream=sys.stderr, level=logging.DEBUG,
                    format="%(levelname)s %(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("svc")


def helper(msg):
    log.info(msg, stacklevel=2)


def deeper(msg):
    log.info(msg, stacklevel=3)


def handler():
    helper("via helper")
    deeper("two levels up")
    log.debug("with stack", stack_info=True)
    print("findCaller:", log.findCaller()[1:3])


handler()
try:
    {}["nope"]
except KeyError:
    log.error("tuple exc_info", exc_info=sys.exc_info())
    log.exception("exception()")


class Service:
    @property
    def status(self):
        log.info("status read")
        return "up"

    def __repr__(self):
        log.info("repr called")
        return "<Service>"


s = Service()
print("status:", s.status)
print("repr:", repr(s))
box = Collect()
print("a", "b", sep="-", end="!\n", file=box)
print("collected:", box.parts)
