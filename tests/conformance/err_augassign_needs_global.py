# Forgetting `global` before `+=`: the UnboundLocalError points at the name.
count = 0


def bump():
    count += 1


bump()
