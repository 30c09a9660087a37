# Awaitlab's own: what lib/aiohttp.py and lib/requests.py share (headers, URLs, query strings).
# Natives: _start, _blocking (modules/http.rs). Differs: not a module of CPython or of those packages.
import json as _json



class _Headers:
    """Case-insensitive header mapping (aiohttp's CIMultiDictProxy, requests' CaseInsensitiveDict)."""

    def __init__(self, pairs=()):
        self._pairs = [(str(k), str(v)) for k, v in pairs]

    def _find(self, key):
        low = key.lower()
        for k, v in self._pairs:
            if k.lower() == low:
                return v
        return None

    def __getitem__(self, key):
        v = self._find(key)
        if v is None:
            raise KeyError(key)
        return v

    def get(self, key, default=None):
        v = self._find(key)
        return default if v is None else v

    def getall(self, key, default=None):
        low = key.lower()
        found = [v for k, v in self._pairs if k.lower() == low]
        if not found:
            if default is None:
                raise KeyError(key)
            return default
        return found

    def __contains__(self, key):
        return self._find(key) is not None

    def __iter__(self):
        return iter([k for k, _ in self._pairs])

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [k for k, _ in self._pairs]

    def values(self):
        return [v for _, v in self._pairs]

    def items(self):
        return list(self._pairs)

    def __eq__(self, other):
        if isinstance(other, dict):
            return dict((k.lower(), v) for k, v in self._pairs) == dict((k.lower(), v) for k, v in other.items())
        return NotImplemented

    def __repr__(self):
        return '{' + ', '.join(f'{k!r}: {v!r}' for k, v in self._pairs) + '}'


_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~'


def _quote(text):
    out = []
    for ch in str(text):
        if ch in _SAFE:
            out.append(ch)
        elif ch == ' ':
            out.append('+')
        else:
            for b in ch.encode('utf-8'):
                out.append('%' + format(b, '02X'))
    return ''.join(out)


def _with_params(url, params):
    if not params:
        return url
    if isinstance(params, dict):
        items = list(params.items())
    else:
        items = list(params)
    pairs = []
    for k, v in items:
        if isinstance(v, (list, tuple)):
            for one in v:
                pairs.append(_quote(k) + '=' + _quote(one))
        elif v is not None:
            if v is True or v is False:
                v = 'true' if v else 'false'
            pairs.append(_quote(k) + '=' + _quote(v))
    if not pairs:
        return url
    return url + ('&' if '?' in url else '?') + '&'.join(pairs)


def _split_url(url):
    """(scheme, host, port, path) of an absolute URL; the practice API's relative URLs are
    ('', 'practice-api', 0, path). None when the URL cannot be requested."""
    if url.startswith('/api'):
        return ('', 'practice-api', 0, url)
    scheme, sep, rest = url.partition('://')
    scheme = scheme.lower()
    if not sep or scheme not in ('http', 'https') or not rest or rest[0] in '/?#':
        return None
    hostport = rest
    path = '/'
    for i, ch in enumerate(rest):
        if ch in '/?#':
            hostport = rest[:i]
            path = rest[i:]
            break
    if '@' in hostport:
        hostport = hostport.rpartition('@')[2]
    host, colon, port = hostport.partition(':')
    if colon and port:
        if not port.isdigit():
            return None
        port = int(port)
    else:
        port = 443 if scheme == 'https' else 80
    if not host:
        return None
    return (scheme, host.lower(), port, path)


def _encode_body(data, json_value, headers):
    if json_value is not None:
        if data is not None:
            raise ValueError('data and json parameters can not be used at the same time')
        headers.append(('Content-Type', 'application/json'))
        return _json.dumps(json_value).encode('utf-8')
    if data is None:
        return None
    if isinstance(data, dict):
        headers.append(('Content-Type', 'application/x-www-form-urlencoded'))
        return _with_params('', data)[1:].encode('utf-8')
    if isinstance(data, str):
        return data.encode('utf-8')
    return data


def _header_pairs(*sources):
    pairs = []
    for h in sources:
        if h:
            pairs.extend((str(k), str(v)) for k, v in h.items())
    return pairs
