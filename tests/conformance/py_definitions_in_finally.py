def run(items):
    out = []
    for x in items:
        try:
            if x == 2:
                continue
            if x == 4:
                break
            out.append(x)
        finally:
            def note(v=x):
                return f'saw {v}'
            out.append(note())
            out.extend([y * 10 for y in (x,)])
            scale = lambda z: z * 100
            out.append(scale(x))
    return out

print(run([1, 2, 3, 4, 5]))

def early():
    try:
        return 'from try'
    finally:
        print('cleanup', (lambda: 'lambda in finally')())

print(early())
