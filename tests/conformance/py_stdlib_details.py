# Details of builtins and the standard library that tutorials touch.
import asyncio, json, math, itertools, collections, datetime

print((255).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (-1).to_bytes(2, signed=True), int.from_bytes(b'\x01\x00', 'big'))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(json.dumps({'city': 'Zürich', 'n': [1, 2]}, ensure_ascii=False), json.dumps([1, 2], separators=(',', ':')), json.dumps({'s': {3, 1}}, default=sorted))
print(list(itertools.chain.from_iterable(['ab', 'cd'])))
c = collections.Counter('mississippi')
print(c['z'], 'z' in c, c.most_common(2), c.total())
c.update({'m': 2}); print(c)
P = collections.namedtuple('P', 'x y')
p = P(1, 2); print(p._replace(y=5), P._make([3, 4]), p < P(1, 3))
print('Straße'.casefold(), 'Straße'.lower(), 'ΣΑΣ'.casefold())
d = datetime.date(2024, 2, 28)
print(d + datetime.timedelta(days=1), repr(d), d.weekday(), d.strftime('%d %B %Y'), datetime.date(2024, 3, 1) - d)
t = datetime.datetime(2024, 1, 1, 9, 30)
print(t + datetime.timedelta(hours=20), repr(t - datetime.datetime(2023, 12, 31, 23)), t.date())

async def ticks():
    for i in range(3):
        await asyncio.sleep(0)
        yield i

async def main():
    agen = ticks()
    print(await anext(agen), await anext(agen), await anext(agen), await anext(agen, 'done'))
    print([x async for x in aiter(ticks())])
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)

asyncio.run(main())
