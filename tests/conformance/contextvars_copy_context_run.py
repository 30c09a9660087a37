# copy_context() snapshots: Context.run() sees and changes only its own copy; ctx[var], `in`,
# len(), ctx.get(), iteration, keys/values/items; an exception inside run() propagates.
import contextvars

color = contextvars.ContextVar('color', default='red')
size = contextvars.ContextVar('size')
unused = contextvars.ContextVar('unused', default='x')

color.set('blue')
size.set(3)
ctx = contextvars.copy_context()

print('len:', len(ctx))
print('color in ctx:', color in ctx, '| unused in ctx:', unused in ctx)
print('ctx[color]:', ctx[color], 'ctx[size]:', ctx[size])
print('ctx.get(unused):', ctx.get(unused), ctx.get(unused, 'fallback'))
try:
    ctx[unused]
except KeyError as e:
    print('KeyError for a var without a value; args[0] is var:', e.args[0] is unused)

names = sorted(v.name for v in ctx)
print('iterating gives vars:', names)
print('items:', sorted((v.name, val) for v, val in ctx.items()))
print('values:', sorted(map(str, ctx.values())))
print('keys are the vars:', set(ctx.keys()) == {color, size})

def work(new_color):
    print('  inside run, before:', color.get(), size.get())
    color.set(new_color)
    size.set(size.get() * 10)
    print('  inside run, after:', color.get(), size.get())
    return f'painted {new_color}'

result = ctx.run(work, 'green')
print('run returned:', result)
print('outside after run:', color.get(), size.get())
print('ctx now holds:', ctx[color], ctx[size])
print('second run sees the same ctx:', ctx.run(lambda: (color.get(), size.get())))

def boom():
    color.set('black')
    raise ValueError('inside the context')

try:
    ctx.run(boom)
except ValueError as e:
    print('exception propagated:', e)
print('set before the exception kept in ctx:', ctx[color])

empty = contextvars.Context()
print('fresh Context():', len(empty), empty.run(color.get), empty.run(size.get, 'no size'))
print('copy is independent:', contextvars.copy_context()[color])
