def level3():
    return level3()

print('before')


def level2():
    return level3()
    level2()
def level1():

    return {}['missing']

level1()
from maxth import sqrt as root, pi
print('never')
