# logging: the last-resort handler before any configuration, basicConfig (level, format with the record's
# fields, datefmt with a fixed clock, styles '{' and '$', stream, force), the module-level functions, levels
# and their names, and basicConfig's and Formatter's errors.
import logging
import sys
import time

# No configuration: a non-root logger's warning goes to stderr as just the message; info is dropped.
logging.getLogger("early").warning("disk %d%% full", 91)
logging.getLogger("early").info("not shown")
print(logging.root.handlers, logging.lastResort)

logging.basicConfig(
    level=logging.DEBUG,
    stream=sys.stdout,
    format="%(levelname)-8s %(name)s [%(threadName)s/%(processName)s]: %(message)s",
)
logging.debug("debug %s", "on")
logging.info("info with a dict %(user)s/%(n)d", {"user": "ann", "n": 3})
logging.warning("warning")
logging.error("error %r", ("a", 1))
logging.critical("critical")
logging.log(25, "level 25 without a name")
logging.addLevelName(25, "NOTICE")
logging.log(25, "level 25 with a name")
logging.fatal("fatal is critical")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(33), logging.getLevelName("DEBUG"))
print(sorted(logging.getLevelNamesMapping().items(), key=lambda kv: (kv[1], kv[0])))
print(logging.root.level, logging.root.getEffectiveLevel(), logging.root.handlers)

# A second basicConfig does nothing; force=True replaces the handler.
logging.basicConfig(level=logging.ERROR, format="ignored %(message)s")
logging.info("still configured as before")
logging.basicConfig(force=True, stream=sys.stdout, style="{", level="INFO",
                    format="{levelname:>7}|{name}|{message!r}")
logging.info("brace style")
logging.debug("hidden at INFO")
logging.basicConfig(force=True, stream=sys.stdout, style="$", format="$levelname ${name}: $message $$")
logging.warning("dollar style")

# asctime with a fixed clock: a filter sets the record's time, the converter is gmtime.
class FixedClock(logging.Filter):
    def filter(self, record):
        record.created = 1700000000.25
        record.msecs = 250.0
        return True

logging.Formatter.converter = time.gmtime
handler = logging.StreamHandler(sys.stdout)
handler.addFilter(FixedClock())
handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
logging.basicConfig(force=True, handlers=[handler], level=logging.DEBUG)
logging.info("default date format")
handler.setFormatter(logging.Formatter("%(asctime)s | %(message)s", datefmt="%d/%m/%Y %H:%M:%S"))
logging.info("with datefmt")
handler.setFormatter(logging.Formatter("{asctime} {message}", datefmt="%H:%M", style="{"))
logging.info("brace asctime")
handler.setFormatter(logging.Formatter("${asctime} $message", style="$"))
logging.info("dollar asctime")
fmt = logging.Formatter("%(asctime)s %(message)s")
fmt.default_msec_format = "%s.%03d"
handler.setFormatter(fmt)
logging.info("msec format")
record = logging.makeLogRecord({"msg": "made %s", "args": ("by hand",), "created": 0.5, "msecs": 500.0})
print(fmt.format(record), "|", fmt.formatTime(record, "%Y"), "|", record.getMessage())

# The default stream is stderr.
logging.basicConfig(force=True, format="%(levelname)s:%(name)s:%(message)s")
print(logging.root.handlers)
logging.getLogger("to.stderr").error("on stderr")

for kwargs in ({"stream": sys.stdout, "filename": "x.log"}, {"handlers": [handler], "stream": sys.stdout},
               {"style": "%%"}, {"format": "no fields", "style": "{"}, {"format": "$", "style": "$"},
               {"format": "no percent fields"}, {"colour": True}, {"level": "LOUD"}):
    try:
        logging.basicConfig(force=True, **kwargs)
        print("accepted", kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for args in (("{a!x}",), ("{a:zz}",), ("{a.}",), ("{",), ("%(message)s", None, "?")):
    try:
        logging.Formatter(*args, style="{") if len(args) == 1 else logging.Formatter(*args)
    except ValueError as e:
        print("ValueError", e)
for bad in ("LOUD", 2.5, None):
    try:
        logging.getLogger("x").setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    logging.log("INFO", "level must be an int")
except TypeError as e:
    print("TypeError", e)
f = logging.Formatter("%(message)s %(missing)s")
try:
    f.format(logging.makeLogRecord({"msg": "m"}))
except ValueError as e:
    print("ValueError", e)
print(logging.Formatter("%(a)s %(message)s", defaults={"a": "A"}).format(logging.makeLogRecord({"msg": "m"})))
logging.Formatter("%(message)s %(nope)s").format(logging.makeLogRecord({"msg": "uncaught"}))
