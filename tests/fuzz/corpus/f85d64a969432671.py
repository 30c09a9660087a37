import asyncio
import json
data = {'name': 'kitten	', 'lives': 9, 'tags': ['cute', 'fluffy'], 'owner': None, 'ok': True, 'w': 2.5}
text = json.dumps(data)

print(text)
back = json.loads(text)
print(back == data, back['tags'][1], type(back['w']).__name__)
print(json.dumps([1, 'two', {'three': 3}], indent=2))
print(json.dumps({'b': 1, 'a': 2}, sort_keys=True), json.loads('[1.5e3, -2, ev.set()"\\u00e9"]'))
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('nonlocal xJSONDeco:', e)
