# logging: Formatter subclasses (format, formatMessage, formatException overridden), a colour-less "level
# prefix" formatter as tutorials write it, StreamHandler to a custom stream object (write/flush), setStream,
# terminator, defaults=, validate=False, BufferingFormatter, and a record factory adding a field.
import logging
import sys


class ListStream:
    def __init__(self):
        self.lines = []
        self.flushes = 0

    def write(self, text):
        self.lines.append(text)

    def flush(self):
        self.flushes += 1


class ShortLevels(logging.Formatter):
    SHORT = {"DEBUG": "D", "INFO": "I", "WARNING": "W", "ERROR": "E", "CRITICAL": "C"}

    def format(self, record):
        record.short = self.SHORT.get(record.levelname, "?")
        return super().format(record)


class OneLineErrors(logging.Formatter):
    def formatException(self, ei):
        return "!! " + repr(ei[1])

    def formatMessage(self, record):
        return super().formatMessage(record).upper()


stream = ListStream()
handler = logging.StreamHandler(stream)
handler.setFormatter(ShortLevels("%(short)s %(name)s: %(message)s"))
log = logging.getLogger("fmt")
log.setLevel(logging.DEBUG)
log.propagate = False
log.addHandler(handler)
log.debug("one")
log.info("two %s", [1, 2])
handler.terminator = " <EOL>\n"
log.warning("three")
print(stream.lines, stream.flushes)

old = handler.setStream(sys.stdout)
print(old is stream, handler.setStream(sys.stdout))
handler.terminator = "\n"
handler.setFormatter(OneLineErrors("%(levelname)s %(message)s"))
try:
    {}["k"]
except KeyError:
    log.exception("lookup failed")
log.error("plain")

handler.setFormatter(logging.Formatter("%(levelname)s %(app)s %(message)s", defaults={"app": "demo"}))
log.info("defaults fill a missing field")
log.info("extra wins", extra={"app": "other"})
handler.setFormatter(logging.Formatter("{levelname} {message} {app}", style="{", defaults={"app": "braces"}))
log.info("brace defaults")
handler.setFormatter(logging.Formatter("no fields at all", validate=False))
log.info("message not shown")

records = [logging.makeLogRecord({"msg": m, "levelname": "INFO"}) for m in ("a", "b", "c")]

class Block(logging.BufferingFormatter):
    def formatHeader(self, records):
        return f"--- {len(records)} records ---\n"

    def formatFooter(self, records):
        return "--- end ---"

print(Block(logging.Formatter("%(levelname)s %(message)s\n")).format(records))
print(repr(logging.BufferingFormatter().format([])))

old_factory = logging.getLogRecordFactory()

def factory(*args, **kwargs):
    record = old_factory(*args, **kwargs)
    record.request_id = "req-7"
    return record

logging.setLogRecordFactory(factory)
handler.setFormatter(logging.Formatter("[%(request_id)s] %(message)s"))
log.info("from the factory")
logging.setLogRecordFactory(old_factory)
print(logging.getLogRecordFactory() is logging.LogRecord)
rec = logging.LogRecord("n", logging.INFO, "/x/y.py", 3, "v=%d", (7,), None, "fn")
print(rec.name, rec.levelname, rec.pathname, rec.filename, rec.module, rec.lineno, rec.funcName, rec.getMessage())
print(logging.LogRecord("n", 20, "p", 1, "%(a)s-%(b)s", ({"a": 1, "b": 2},), None).getMessage())
print(logging.LogRecord("n", 20, "p", 1, "%s", ({},), None).getMessage())
print(logging.LogRecord("n", 20, "p", 1, ["not", "a", "str"], None, None).getMessage())
try:
    logging.LogRecord("n", 20, "p", 1, "%s %s", ("one",), None).getMessage()
except TypeError as e:
    print("TypeError", e)
try:
    logging.Formatter(style="%", fmt="%(message)s", validate=True, bad=1)
except TypeError as e:
    print("TypeError", e)
