for b in (0, 1, 2, 36, 37, -5):
    try:
        print(int("11", b))
    except ValueError as e:
        print("ValueError:", e)
