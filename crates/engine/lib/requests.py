# Awaitlab's own requests 2.32 surface, the synchronous baseline of the tutorials: every call blocks the whole
# program (the event loop too) until the answer arrives, exactly what makes it slow inside async code.
# Natives: _blocking (modules/http.rs). Differs: only the calls, Session and exceptions tutorials use.
__version__ = '2.32.3'


class RequestException(OSError):
    def __init__(self, *args, request=None, response=None):
        self.response = response
        self.request = request
        super().__init__(*args)


class HTTPError(RequestException):
    pass


class ConnectionError(RequestException):
    pass


class Timeout(RequestException):
    pass


class ConnectTimeout(ConnectionError, Timeout):
    pass


class ReadTimeout(Timeout):
    pass


class InvalidURL(RequestException, ValueError):
    pass


class MissingSchema(RequestException, ValueError):
    pass


class InvalidJSONError(RequestException):
    pass


class JSONDecodeError(InvalidJSONError, ValueError):
    pass


class exceptions:
    RequestException = RequestException
    HTTPError = HTTPError
    ConnectionError = ConnectionError
    Timeout = Timeout
    ConnectTimeout = ConnectTimeout
    ReadTimeout = ReadTimeout
    InvalidURL = InvalidURL
    MissingSchema = MissingSchema
    InvalidJSONError = InvalidJSONError
    JSONDecodeError = JSONDecodeError


class Response:
    def __init__(self, status, reason, headers, body, url):
        self.status_code = status
        self.reason = reason
        self.headers = _Headers(headers)
        self.content = body
        self.url = url
        self.encoding = 'utf-8'
        self.history = []

    @property
    def text(self):
        return self.content.decode(self.encoding or 'utf-8', 'replace')

    @property
    def ok(self):
        return self.status_code < 400

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except ValueError as e:
            raise JSONDecodeError(str(e)) from None

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            raise HTTPError(f'{self.status_code} Client Error: {self.reason} for url: {self.url}', response=self)
        if 500 <= self.status_code < 600:
            raise HTTPError(f'{self.status_code} Server Error: {self.reason} for url: {self.url}', response=self)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return f'<Response [{self.status_code}]>'


def request(method, url, params=None, data=None, headers=None, timeout=None, json=None, **kwargs):
    url = _with_params(str(url), params)
    parts = _split_url(url)
    if parts is None:
        if '://' not in url:
            raise MissingSchema(f"Invalid URL {url!r}: No scheme supplied. Perhaps you meant https://{url}?")
        raise InvalidURL(f'Invalid URL {url!r}')
    pairs = _header_pairs(headers)
    body = _encode_body(data, json, pairs)
    if isinstance(timeout, tuple):
        timeout = timeout[1] if timeout[1] is not None else timeout[0]
    result = _blocking(method, url, pairs, body, timeout=timeout).result()
    if isinstance(result, str):
        scheme, host, port, path = parts
        if result == 'Read timed out':
            raise ReadTimeout(f"HTTPConnectionPool(host={host!r}, port={port}): Read timed out. (read timeout={timeout})")
        raise ConnectionError(f"HTTPConnectionPool(host={host!r}, port={port}): Max retries exceeded with url: {path} (Caused by {result})")
    status, reason, rheaders, rbody, final_url = result
    return Response(status, reason, rheaders, rbody, final_url)


def get(url, params=None, **kwargs):
    return request('GET', url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('POST', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('PUT', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('DELETE', url, **kwargs)


def head(url, **kwargs):
    return request('HEAD', url, **kwargs)


class Session:
    def __init__(self):
        self.headers = {}

    def request(self, method, url, headers=None, **kwargs):
        merged = dict(self.headers)
        if headers:
            merged.update(headers)
        return request(method, url, headers=merged, **kwargs)

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request('POST', url, data=data, json=json, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
