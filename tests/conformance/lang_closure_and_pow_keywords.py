# function.__closure__ and its cells, pow() with keyword arguments (3.8+), and errors of both.
def counter():
    count = 0
    step = 2
    def bump():
        nonlocal count
        count += step
        return count
    return bump

bump = counter()
bump()
print(type(bump.__closure__).__name__, len(bump.__closure__), [c.cell_contents for c in bump.__closure__])
print(counter.__closure__, (lambda: 1).__closure__)
def late():
    def inner():
        return value
    cells = inner.__closure__
    try:
        cells[0].cell_contents
    except ValueError as e:
        print('ValueError:', e)
    value = 5
    return cells[0].cell_contents
print(late())
print(pow(7, exp=2), pow(base=2, exp=10), pow(2, 10, mod=1000), pow(3, 4, None), pow(base=3, exp=-1, mod=7))
for call in (lambda: pow(2, base=3), lambda: pow(exp=2), lambda: pow(2, 3, modulo=5)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
