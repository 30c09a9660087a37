# Warnings raised by library code and from places the engine runs Python for: __init__, sort keys,
# logging.warn, threading's deprecated names, asyncio.get_event_loop(); filters by line and module.
import asyncio
import logging
import sys
import threading
import warnings


class Config:
    def __init__(self, legacy=False):
        if legacy:
            warnings.warn("legacy=True is deprecated", DeprecationWarning, stacklevel=2)
        self.legacy = legacy


def make_config():
    return Config(legacy=True)


def by_length(word):
    warnings.warn(f"sorting {word!r}", UserWarning, stacklevel=2)
    return len(word)


print("start")
Config(legacy=True)
make_config()
print(sorted(["ccc", "a", "bb"], key=by_length))
print("thread:", threading.currentThread().name)
logging.basicConfig(format="%(levelname)s:%(name)s:%(message)s")
logging.warn("old logging.warn")
warnings.warn("too deep", UserWarning, stacklevel=10)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("module")
    for i in range(3):
        warnings.warn("module action")
        warnings.warn("module action")
print("module action:", [(w.lineno, str(w.message)) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", lineno=45)
    warnings.warn("line 45 is ignored")
    warnings.warn("line 46 is not")
print("lineno filter:", [str(w.message) for w in caught])

with warnings.catch_warnings(action="ignore"):
    warnings.warn("ignored by catch_warnings(action=)")

with warnings.catch_warnings():
    warnings.simplefilter("error", DeprecationWarning)
    try:
        asyncio.get_event_loop()
    except DeprecationWarning as e:
        print("get_event_loop raised:", e)
print("filters:", [(f[0], f[2].__name__, f[3]) for f in warnings.filters])
msg = warnings.WarningMessage("text", UserWarning, "f.py", 3)
print("WarningMessage:", msg)


def show_to_stdout(message, category, filename, lineno, file=None, line=None):
    print("shown:", category.__name__, message, lineno, repr(line))


original = warnings.showwarning
warnings.showwarning = show_to_stdout
warnings.warn("through the replaced showwarning")
warnings.showwarning = original
logging.captureWarnings(True)
warnings.warn("captured by logging")
logging.captureWarnings(False)
print("done")
