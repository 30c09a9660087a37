# catch_warnings(record=True), simplefilter/filterwarnings, "error" action, resetwarnings.
import os
import warnings


def legacy(n):
    warnings.warn(f"legacy({n}) is deprecated", DeprecationWarning, stacklevel=2)
    return n


def show(w):
    print(" ", w.category.__name__, "|", str(w.message), "|", w.lineno,
          os.path.basename(w.filename), type(w.message).__name__, w.message.args)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(3):
        legacy(i)
    warnings.warn("watch out")
    warnings.warn("numbers", RuntimeWarning)
print("recorded", len(caught), type(caught).__name__)
for w in caught:
    show(w)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("same place, same text")
print("default action keeps", len(caught))

with warnings.catch_warnings():
    warnings.filterwarnings("error")
    try:
        warnings.warn("now an exception")
    except UserWarning as e:
        print("caught:", type(e).__name__, e, e.args)
    try:
        legacy(7)
    except DeprecationWarning as e:
        print("caught:", repr(e))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", message="noisy")
    legacy(1)
    warnings.warn("noisy chatter")
    warnings.warn("not noisy at the start")
    warnings.warn("quiet one", RuntimeWarning)
print("after ignores:", [str(w.message) for w in caught])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    warnings.resetwarnings()
    warnings.simplefilter("always")
    warnings.warn("seen after reset")
print("after reset:", [str(w.message) for w in caught])
print("filters restored:", warnings.filters[0][0], warnings.filters[0][2].__name__)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    warnings.warn("once only")
    warnings.warn("once only")
    warnings.warn("once only", RuntimeWarning)
print("once action:", [(w.category.__name__, w.lineno) for w in caught])
print("done")
