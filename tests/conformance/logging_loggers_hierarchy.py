# logging: getLogger's dotted hierarchy (placeholders filled in later), levels and effective levels,
# propagation to the ancestors' handlers, propagate=False, handler levels, Filter by name, callable filters,
# filters that return a new record (3.12), custom Handler subclasses, LoggerAdapter with extra and process(),
# extra= and its clashes, disable(), NullHandler, getChild/getChildren, reprs and handler names.
import logging
import sys


class ListHandler(logging.Handler):
    def __init__(self, label, level=logging.NOTSET):
        super().__init__(level)
        self.label = label
        self.records = []

    def emit(self, record):
        self.records.append(record)
        print(f"[{self.label}] {self.format(record)}")


root = logging.getLogger()
print(root is logging.root, logging.getLogger("root") is root, logging.getLogger("") is root)
root.setLevel(logging.DEBUG)
top = ListHandler("root")
top.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
root.addHandler(top)

# A grandchild first: its parents are placeholders until they are asked for.
leaf = logging.getLogger("shop.orders.db")
print(leaf.parent is root, leaf, leaf.getEffectiveLevel())
shop = logging.getLogger("shop")
print(leaf.parent is shop)
orders = logging.getLogger("shop.orders")
print(leaf.parent is orders, orders.parent is shop, shop.parent is root)
print(logging.getLogger("shop.orders.db") is leaf, shop.getChild("orders.db") is leaf)
print(sorted(l.name for l in shop.getChildren()), sorted(l.name for l in root.getChildren()))

shop.setLevel(logging.WARNING)
print(leaf.getEffectiveLevel(), leaf.isEnabledFor(logging.INFO), leaf.isEnabledFor(logging.ERROR))
leaf.info("dropped: shop is at WARNING")
leaf.warning("propagates %s", "up")

shop_handler = ListHandler("shop", logging.ERROR)
shop_handler.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
shop.addHandler(shop_handler)
leaf.warning("only root's handler: shop's is at ERROR")
leaf.error("both handlers")
orders.propagate = False
leaf.error("to lastResort on stderr: orders does not propagate and has no handler")
orders.propagate = True
print(leaf.hasHandlers(), logging.getLogger("lonely").hasHandlers())

# Filters: by name (a logger and its children), callables, and records replaced by a filter.
top.addFilter(logging.Filter("shop.orders"))
for name in ("shop.orders", "shop.orders.db", "shop.ordersX", "shop", "other"):
    logging.getLogger(name).critical("filtered by name")
top.removeFilter(top.filters[0])
def no_secrets(record):
    return "password" not in record.getMessage()
shop.addFilter(no_secrets)
shop.critical("password=hunter2")
shop.critical("user=ann")
leaf.critical("password reaches root: logger filters apply only where the call is made")
shop.removeFilter(no_secrets)

def redact(record):
    record = logging.makeLogRecord(record.__dict__)
    record.msg = record.msg.replace("secret", "******")
    return record
top.addFilter(redact)
shop.critical("the secret is out")
print(shop_handler.records[-1].msg, "|", top.records[-1].msg)
top.removeFilter(redact)

# extra= adds fields to the record; it may not replace the record's own.
fmt = logging.Formatter("%(name)s %(message)s user=%(user)s")
top.setFormatter(fmt)
shop.error("with extra", extra={"user": "bob"})
for key in ("message", "msg", "levelname"):
    try:
        shop.error("clash", extra={key: 1})
    except KeyError as e:
        print("KeyError", e)

# LoggerAdapter: extra on every call, and a process() override.
adapter = logging.LoggerAdapter(shop, {"user": "carol"})
adapter.error("via adapter %d", 1)
adapter.info("adapter drops INFO")
print(adapter, adapter.name, adapter.isEnabledFor(logging.ERROR), adapter.getEffectiveLevel(), adapter.manager is shop.manager)

class RequestAdapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[req {self.extra['req']}] {msg}", kwargs

top.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
req = RequestAdapter(logging.getLogger("web"), {"req": 42})
req.warning("slow: %.1fs", 2.345)
req.log(logging.ERROR, "failed")
nested = logging.LoggerAdapter(req, {"ignored": True})
nested.critical("nested adapters")

# disable(), NullHandler, the logger's own disabled flag.
logging.disable(logging.ERROR)
shop.error("disabled")
shop.critical("above the disable level")
logging.disable(logging.NOTSET)
quiet = logging.getLogger("lib")
quiet.addHandler(logging.NullHandler())
quiet.propagate = False
quiet.error("to the NullHandler only")
quiet.disabled = True
quiet.critical("disabled logger")

# Handler names, levels by name, reprs.
top.set_name("top")
print(logging.getHandlerByName("top") is top, sorted(logging.getHandlerNames()), top.name)
top.setLevel("WARNING")
print(top, shop_handler, logging.StreamHandler(sys.stdout), logging.NullHandler())
print(root, shop, leaf, logging.LoggerAdapter(leaf, {}))
print(logging.getLoggerClass() is logging.Logger, isinstance(root, logging.RootLogger))
record = top.records[-1]
print(record.name, record.levelno, record.levelname, record.msg, record.args, record.exc_info, record.stack_info)
print(repr(logging.makeLogRecord({"name": "n", "levelno": 5, "msg": "m"}))[:19])

class MyLogger(logging.Logger):
    def trace(self, msg):
        self.log(5, msg)

logging.setLoggerClass(MyLogger)
logging.addLevelName(5, "TRACE")
mine = logging.getLogger("mine")
mine.setLevel(1)
mine.addHandler(logging.StreamHandler(sys.stdout))
mine.trace("custom logger class")
print(type(mine).__name__, type(logging.getLogger("shop")).__name__)
logging.setLoggerClass(logging.Logger)
for bad in (dict, 42):
    try:
        logging.setLoggerClass(bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    logging.getLogger(42)
except TypeError as e:
    print("TypeError", e)
try:
    logging.Handler().emit(record)
except NotImplementedError as e:
    print("NotImplementedError", e)
