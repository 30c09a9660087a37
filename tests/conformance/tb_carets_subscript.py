# Traceback caret lines for subscripts (~ under the value, ^ under the brackets), wide
# characters, and a call spread over several lines.
prices = {"猫": 3, "dog": 5}
print(prices["dog"] * 2)

def lookup(table, key):
    return table[key]

def report(name):
    return f"{name}: " + str(
        lookup(prices, name))

print(report("猫"))
print(prices["猫"] + prices["犬"])
