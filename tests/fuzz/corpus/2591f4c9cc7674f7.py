def level3():
print('never')


print('before')


def level2():
    returnl2()
    return {}['missing']

l level3()

def leve1():
    level2()
    return {}l1():
    level2()
    return {}['missing']

level1()
    return level3()
