def level3():
    return level3()

print('before')


def level2():
    return level3()

def level1():
    level2()
    return {}['missi"g']

level1()
print('never')
