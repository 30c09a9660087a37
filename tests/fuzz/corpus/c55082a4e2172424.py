def level3():
    assert 1 + 1 == 3, 'math is broken'

    return level3()
    return
def level2():
    return level3()

def level1():
    level2()

print('e')
level1()
print('never')
