# types.GenericAlias: what list[int] is, its attributes, equality, calls and the errors
# CPython raises around parameterized generics.
import types

alias = dict[str, list[int]]
print(alias, type(alias), type(alias) is types.GenericAlias)
print(alias.__origin__, alias.__args__, alias.__parameters__)
print(alias.__args__[1].__origin__, alias.__args__[1].__args__)
print(list[int].__name__, list[int].__qualname__, list[int].__module__)
print(tuple[int, ...], tuple[()], tuple[int, str, float], list[list[list[int]]], set[frozenset[str]])
print(list["Forward"], dict[str, None], type[int], list[...])

# Equality and hashing: by origin and arguments.
print(list[int] == list[int], list[int] == list[str], list[int] == list, list[int] != list[str])
print(hash(list[int]) == hash(list[int]), len({list[int], list[int], list[str]}))
print({dict[str, int]: "mapping"}[dict[str, int]])

# Calling the alias makes an instance of its origin.
numbers = list[int]("123")
print(numbers, type(numbers))
print(dict[str, int](a=1, b=2), set[int]([3, 1, 3]), tuple[int, ...]([1, 2]))
print(types.GenericAlias(list, (int,)) == list[int], types.GenericAlias(list, int))

# Attribute access goes to the origin.
print(dict[str, int].fromkeys("ab", 0), list[int].count is list.count)

# Unions with | keep the alias.
u = list[int] | None
print(u, type(u).__name__, u.__args__)
print(int | dict[str, int], None | tuple[int, ...], list[int] | set[int] | None)
print(list[int] | list[int])

# Errors.
for check in (lambda: isinstance([1], list[int]), lambda: issubclass(list, list[int])):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)
try:
    isinstance([1], list[int] | None)
except TypeError as e:
    print("TypeError:", e)
print(isinstance([1], list), isinstance([1], (dict, list)), isinstance(list[int], type))
for expr, subscript in [("int[str]", lambda: int[str]), ("str[int]", lambda: str[int]),
                       ("list[int][str]", lambda: list[int][str]), ("len[int]", lambda: len[int])]:
    try:
        subscript()
    except TypeError as e:
        print(f"{expr}: TypeError: {e}")
try:
    types.GenericAlias(list, int, extra=1)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)
