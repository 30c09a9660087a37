# A bytes literal with a \x escape cut short: a (value error), not a (unicode error).
data = b"\x00\x1"
print(data)
