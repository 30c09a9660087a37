# Traceback caret lines for subscripts: ~ under the value, ^ under the brackets; wide
# characters count two columns.
prices = {"猫": 3, "dog": 5}
print(prices["dog"] * 2)
print(prices["猫"] + prices["犬"])
