# Chained tracebacks with caret lines in each part.
def parse(text):
    try:
        return int(text) * 2
    except ValueError as e:
        raise RuntimeError(f"bad number {text!r}") from e

def load(rows):
    totals = []
    for row in rows:
        try:
            totals.append(parse(row["n"]))
        except KeyError:
            totals.append(rows[0]["missing"] + 1)
    return totals

print(load([{"n": "2"}, {"m": 1}]))
