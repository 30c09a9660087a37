# Traceback caret lines for expressions over several lines: from the start to the end of the
# first line.
prices = {"cat": 3}

def lookup(table, key):
    return table[key]

def report(name):
    return f"{name}: " + str(
        lookup(prices, name))

print(report("cat"))
print(report(
    "dog"))
