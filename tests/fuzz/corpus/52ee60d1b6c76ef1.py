def level3():

    level2()
    return {}['missing']


def level2():
    return level3()

def level1():
    return level3()

print('before')
level1()
print('never')
