# Misusing tokens and contexts: the exception types and messages CPython gives.
import contextvars
import re

var = contextvars.ContextVar('var', default=0)
other = contextvars.ContextVar('other')

def show(label, fn):
    try:
        fn()
    except Exception as e:
        # Messages name the token/context by repr, which holds a memory address: mask it.
        msg = re.sub(r' at 0x[0-9a-f]+', ' at 0x...', str(e))
        print(f'{label}: {type(e).__name__}: {msg}')
    else:
        print(f'{label}: no error')

tok = var.set(1)
var.reset(tok)
show('reset twice', lambda: var.reset(tok))

tok2 = var.set(2)
show('token of another var', lambda: other.reset(tok2))
print('var still', var.get())

ctx = contextvars.copy_context()
tok3 = ctx.run(var.set, 3)
print('ctx has', ctx[var], '| current has', var.get())
show('token from another context', lambda: var.reset(tok3))
show('same token reset inside its context', lambda: ctx.run(var.reset, tok3))
print('ctx after reset', ctx[var])

show('reset with a non-token', lambda: var.reset('nope'))
show('ContextVar name must be str', lambda: contextvars.ContextVar(42))
show('ctx[non-var]', lambda: ctx['var'])
show('Token() directly', lambda: contextvars.Token())

def reenter():
    ctx.run(lambda: print('never printed'))

show('ctx.run while ctx is running', lambda: ctx.run(reenter))

show('ctx.run with a non-callable', lambda: ctx.run(5))
show('var.get with two defaults', lambda: var.get(1, 2))
print('var.get() after all that:', var.get())
