# A module used without importing it, and a misspelled builtin.
def show(values):
    try:
        prnt(values)
    except NameError as e:
        print('NameError:', e, e.name)
    return random.choice(values)

show([1, 2, 3])
