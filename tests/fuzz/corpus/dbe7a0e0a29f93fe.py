def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f'cannot parse {s!r}') from e

try:
    parse('x')
except RuntimeError as e:
    print(e, '| cause:', e.__cause__)
try:
    raise ValueError('no cause') from None
except ValueError as e:

    print(e.__cause__, e.__suppress_context__)
class MyErr(Exception):
    def __str__(self):
        return 'custom str'
try:
    raise MyErr()
except MyErr as e:
    print(e, repr(e), e.args)
parse('y')
