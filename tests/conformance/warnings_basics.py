# warnings.warn basics: default UserWarning, categories, stacklevel, the "default" action.
import warnings


class MeowWarning(Warning):
    """A custom category, as tutorials define them."""


def old_api(x):
    warnings.warn("old_api() is deprecated, use new_api()", DeprecationWarning, stacklevel=2)
    return x * 2


def checked_div(a, b):
    if b == 0:
        warnings.warn("dividing by zero, returning 0", RuntimeWarning)
        return 0
    return a / b


print("start")
warnings.warn("plain message")
print("after plain warn")
warnings.warn("a custom warning", MeowWarning)
warnings.warn(MeowWarning("an instance as the message"))
warnings.warn(UserWarning("instance with category ignored"), RuntimeWarning)
print("old_api ->", old_api(21))
print("checked_div ->", checked_div(1, 0))
print("checked_div ->", checked_div(1, 4))

for i in range(3):
    warnings.warn("loop warning")  # "default" action: shown once for this text at this line
    print("loop iteration", i)

for i in range(3):
    warnings.warn(f"loop warning {i % 2}")  # the text is part of the key: shown twice

for i in range(2):
    print("checked_div again ->", checked_div(i, 0))

warnings.warn("same text, other line")
warnings.warn("same text, other line")
print("issubclass:", issubclass(MeowWarning, Warning), issubclass(DeprecationWarning, Warning),
      issubclass(UserWarning, Exception), issubclass(Warning, Exception))
print("bases:", [c.__name__ for c in RuntimeWarning.__mro__])
print("PendingDeprecationWarning hidden by default:")
warnings.warn("pending", PendingDeprecationWarning)
print("done")
