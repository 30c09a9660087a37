# logging: logger.exception and exc_info inside except (the traceback, with its chained causes), exc_info
# given an exception object, exception() with no exception being handled, a handler's own errors reaching
# handleError (and raiseExceptions=False), and an uncaught error after logging. Records go to stderr, as
# basicConfig's default stream.
import logging
import sys

logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("app")


def parse(text):
    return int(text)


def load(values):
    return [parse(v) for v in values]


try:
    load(["1", "two"])
except ValueError:
    log.exception("could not load %d values", 2)

try:
    {"a": 1}["b"]
except KeyError as e:
    log.error("missing key %s", e, exc_info=True)
    log.warning("same, as an object", exc_info=e)
    log.info("not shown: below WARNING", exc_info=True)


def fetch():
    try:
        return 1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("fetch failed") from e


try:
    fetch()
except RuntimeError:
    logging.exception("with a cause")

try:
    try:
        [][0]
    except IndexError:
        None.attribute
except AttributeError:
    log.critical("during handling", exc_info=True)

# Not handling anything: exc_info is (None, None, None).
log.exception("nothing to show")
logging.error("nor here", exc_info=True)
try:
    1 / 0
except ZeroDivisionError:
    pass
log.exception("the except clause is over")

# The exception being handled is the innermost one still in its except clause.
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError:
        pass
    log.exception("the outer one again")
try:
    raise RuntimeError("No active exception to reraise")
except RuntimeError:
    log.exception("a RuntimeError of the program's own")


def steps():
    try:
        raise TypeError("inside a generator")
    except TypeError:
        yield 1
        log.exception("generator resumed")


g = steps()
next(g)
log.exception("between the steps")
next(g, None)

# An exception never raised: no traceback, just its line.
log.error("unraised", exc_info=ValueError("made, not raised"))
log.error("a tuple", exc_info=(TypeError, TypeError("from a tuple"), None))

# The formatted traceback is cached on the record and reused by every handler.
class Keep(logging.Handler):
    def emit(self, record):
        self.text = self.format(record)
        print("exc_text cached:", record.exc_text is not None, record.exc_info[0].__name__)

keep = Keep()
log.addHandler(keep)
try:
    int("x")
except ValueError:
    log.exception("kept")
print(keep.text.splitlines()[-1])
print(logging.Formatter().formatException((None, None, None)))
log.removeHandler(keep)


# A handler's own errors go to handleError.
class Careful(logging.StreamHandler):
    def handleError(self, record):
        print("handleError:", repr(record.msg), record.args)

careful = Careful(sys.stdout)
other = logging.getLogger("other")
other.propagate = False
other.addHandler(careful)
other.error("%d items", "three")
other.error("%s and %s", "one")
other.error("fine %s", "still")

logging.raiseExceptions = False
plain = logging.getLogger("plain")
plain.propagate = False
plain.addHandler(logging.StreamHandler(sys.stdout))
plain.error("%d", "silently dropped")
plain.error("after the dropped one")
logging.raiseExceptions = True


async def main():
    raise OSError("connection reset")

import asyncio
try:
    asyncio.run(main())
except OSError:
    log.exception("from asyncio.run")

log.error("done")
load(["x"])
