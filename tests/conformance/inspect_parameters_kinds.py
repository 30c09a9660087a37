# Walking sig.parameters: each Parameter's name, kind (and kind.description), default and
# annotation, with Parameter.empty for "none given"; a CLI-style use that lists required options.
import inspect

def connect(host, port=5432, /, user='admin', *hosts, ssl: bool, timeout: float = 5.0, **options) -> 'Connection':
    pass

sig = inspect.signature(connect)
print('parameters type:', type(sig.parameters).__name__, '| count:', len(sig.parameters))
print('names:', list(sig.parameters))
for name, p in sig.parameters.items():
    default = 'no default' if p.default is inspect.Parameter.empty else f'default={p.default!r}'
    ann = '' if p.annotation is p.empty else f' annotation={p.annotation.__name__ if isinstance(p.annotation, type) else p.annotation}'
    print(f'  {name:8} {str(p.kind):22} {p.kind.description:28} {default}{ann}')

print('kind compare:', inspect.Parameter.POSITIONAL_ONLY < inspect.Parameter.KEYWORD_ONLY)
print('kind int values:', [int(p.kind) for p in sig.parameters.values()])
print('return annotation:', sig.return_annotation)
print('str of single parameters:', [str(p) for p in sig.parameters.values()])

required = [p.name for p in sig.parameters.values()
            if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
print('required:', required)
print('keyword-only:', [p.name for p in sig.parameters.values() if p.kind is p.KEYWORD_ONLY])

p = inspect.Parameter('limit', inspect.Parameter.KEYWORD_ONLY, default=10, annotation=int)
print('built by hand:', p, '| replaced:', p.replace(default=20), '| name:', p.name)
new_sig = sig.replace(parameters=[sig.parameters['user'], p])
print('new signature:', new_sig)
try:
    inspect.Parameter('bad name', inspect.Parameter.POSITIONAL_OR_KEYWORD)
except ValueError as e:
    print('ValueError:', e)
try:
    inspect.Signature([inspect.Parameter('a', inspect.Parameter.POSITIONAL_OR_KEYWORD, default=1),
                       inspect.Parameter('b', inspect.Parameter.POSITIONAL_OR_KEYWORD)])
except ValueError as e:
    print('ValueError:', e)
print('parameters equal across calls:', inspect.signature(connect) == sig)
