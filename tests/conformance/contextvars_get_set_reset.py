# ContextVar basics: get() with and without defaults, LookupError when there is no value,
# set() returning a Token, Token.old_value / Token.MISSING / Token.var, reset() restoring.
import contextvars

user = contextvars.ContextVar('user')
level = contextvars.ContextVar('level', default=1)

print('name:', user.name, level.name)
try:
    user.get()
except LookupError as e:
    print('LookupError:', type(e).__name__, 'args[0] is the var:', e.args[0] is user)
print('get with default arg:', user.get('anonymous'))
print('level default:', level.get(), level.get(5))

t1 = user.set('alice')
print('after set:', user.get(), user.get('ignored'))
print('t1.var is user:', t1.var is user)
print('t1.old_value is MISSING:', t1.old_value is contextvars.Token.MISSING)

t2 = user.set('bob')
print('after second set:', user.get(), 'old_value:', t2.old_value)

user.reset(t2)
print('after reset t2:', user.get())
user.reset(t1)
print('after reset t1:', user.get('gone'))
try:
    user.get()
except LookupError:
    print('no value again -> LookupError')

t3 = level.set(10)
print('level set:', level.get(), 'old is MISSING:', t3.old_value is contextvars.Token.MISSING)
level.reset(t3)
print('level back to default:', level.get())

# set() with None is a real value, not "unset"
t4 = user.set(None)
print('set None:', user.get('default'), t4.old_value is contextvars.Token.MISSING)
user.reset(t4)
print('Token.MISSING:', repr(contextvars.Token.MISSING), type(contextvars.Token.MISSING).__name__)
print('default attribute of ContextVar?', hasattr(level, 'default'))
