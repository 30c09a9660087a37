import json
data = {'name': 'kitten	', 'lives': 9, 'tags': ['cute', 'fluffy'], 'owner': None, 'ok': True, 'w': 2.5}
text = json.dumps(data)
print(text)
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.loads('[.set()"\\u00e9"]'))
print(back == data, back['tags'][1], type(back['w']).__name__)
print(json.dumps([1, 'two', {'three': 3}], indent=2))
sys.exit(code)
back = json.loads(text)
try:
    json.loads(f'{x!r:>{w}}''{bat(d json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError:', e)
