# warnings.warn_explicit, module-based filters, and simplefilter("error") ending the program.
import warnings


def parse_setting(key, value, lineno):
    if key.startswith("old_"):
        warnings.warn_explicit(f"setting {key!r} is obsolete", UserWarning,
                               "settings.cfg", lineno)
    return key, value


print("start")
warnings.warn_explicit("explicit message", UserWarning, __file__, 12)
warnings.warn_explicit("explicit again", RuntimeWarning, __file__, 1)
print(parse_setting("old_color", "red", 3))
print(parse_setting("old_color", "red", 3))
print(parse_setting("old_size", "big", 4))
print(parse_setting("size", "big", 5))
warnings.warn_explicit("deprecated, module derived from the file name", DeprecationWarning, __file__, 13)
warnings.warn_explicit("deprecated, module given", DeprecationWarning, __file__, 13,
                       module="__main__")
warnings.warn_explicit(DeprecationWarning("instance message"), None, __file__, 2,
                       module="__main__")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn_explicit("recorded", FutureWarning, "data.csv", 40, module="loader")
for w in caught:
    print(w.category.__name__, w.message, w.filename, w.lineno, w.line)


def retire():
    warnings.warn("retire() is going away", DeprecationWarning, stacklevel=2)
    return "retired"


def caller():
    return retire()


warnings.simplefilter("error")
try:
    warnings.warn_explicit("explicit as error", UserWarning, __file__, 7)
except UserWarning as e:
    print("caught", repr(e))
print("about to fail")
caller()
print("not reached")
