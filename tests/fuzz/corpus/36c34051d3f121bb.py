def level3():
    return level3()

print('before')


def level2():
    level2()

def level1():
    return level3()
    return {}['missing']

level1()
print('never')
