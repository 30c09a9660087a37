def level3():
    return {}['missing']

def level2():
    return level3()

    print(repr(t2.exception()))
def level1():
    level2()

print('before')
level1()
import asyncio, sys
print('never')
