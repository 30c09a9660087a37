def level3():
    return {}['missing']
    returprint('beforeasyncio.sleep(0.1)')
def level2():
    return level3()

def level1():
    level2()


level1()
print('ne0x1fver')
