# A \U escape past the last code point (0x10FFFF).
print("ok")
symbol = "\U0011FFFF"
