# A \u escape cut short, after a non-ASCII character: CPython counts positions as if each
# non-ASCII character were written \UXXXXXXXX (10 bytes).
greeting = "café \u00e9 \u12"
print(greeting)
