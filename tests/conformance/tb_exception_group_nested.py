# A hand-made exception group with a nested group and a chained cause inside it.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e

def collect():
    errors = []
    for text in ["1", "x"]:
        try:
            parse(text)
        except RuntimeError as e:
            errors.append(e)
    inner = ExceptionGroup("inner", [KeyError("k"), TypeError("t")])
    raise ExceptionGroup("several problems", errors + [inner])

collect()
