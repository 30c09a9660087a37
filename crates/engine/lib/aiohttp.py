# Awaitlab's own aiohttp 3.9 client surface: ClientSession, TCPConnector's limits and waiting rules (so
# `limit_per_host=10` holds exactly), ClientTimeout, ClientResponse, the client exceptions and their messages.
# Natives: _start (queues a request), _n_resource, _deque. Differs: no streaming (resp.content), websockets or server.
import asyncio as _asyncio
from collections import deque as _deque

__version__ = '3.9.5'


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError, OSError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, host, port, ssl, strerror):
        super().__init__(host, strerror)
        self.host = host
        self.port = port
        self.ssl = ssl
        self.strerror = strerror

    def __str__(self):
        return f'Cannot connect to host {self.host}:{self.port} ssl:{self.ssl} [{self.strerror}]'


class ServerConnectionError(ClientConnectionError):
    pass


class ServerDisconnectedError(ServerConnectionError):
    pass


class ServerTimeoutError(ServerConnectionError, _asyncio.TimeoutError):
    pass


class InvalidURL(ClientError, ValueError):
    def __init__(self, url):
        super().__init__(url)
        self.url = url

    def __str__(self):
        return str(self.url)


class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = url

    def __repr__(self):
        return f'RequestInfo(url={self.url!r}, method={self.method!r}, headers={self.headers!r}, real_url={self.real_url!r})'


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        self.request_info = request_info
        self.status = status if status is not None else 0
        self.message = message
        self.headers = headers
        self.history = history
        super().__init__(request_info, history)

    def __str__(self):
        return '{}, message={!r}, url={!r}'.format(self.status, self.message, str(self.request_info.real_url))

    def __repr__(self):
        return f'{type(self).__name__}({self.request_info!r}, {self.history!r}, status={self.status!r}, message={self.message!r})'


class ContentTypeError(ClientResponseError):
    pass


class ClientPayloadError(ClientError):
    pass


class client_exceptions:
    ClientError = ClientError
    ClientConnectionError = ClientConnectionError
    ClientOSError = ClientOSError
    ClientConnectorError = ClientConnectorError
    ServerConnectionError = ServerConnectionError
    ServerDisconnectedError = ServerDisconnectedError
    ServerTimeoutError = ServerTimeoutError
    InvalidURL = InvalidURL
    ClientResponseError = ClientResponseError
    ContentTypeError = ContentTypeError
    ClientPayloadError = ClientPayloadError


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect
        self.ceil_threshold = ceil_threshold

    def __repr__(self):
        return (f'ClientTimeout(total={self.total!r}, connect={self.connect!r}, sock_read={self.sock_read!r}, '
                f'sock_connect={self.sock_connect!r}, ceil_threshold={self.ceil_threshold!r})')


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


class TCPConnector:
    """Connection limits as aiohttp's BaseConnector applies them: a request needs a free
    connection (at most `limit` in all, `limit_per_host` per host; 0 = no limit); otherwise it
    waits in its host's FIFO line, and a released connection wakes the next waiter."""

    def __init__(self, *, limit=100, limit_per_host=0, force_close=False, ssl=True, loop=None, **kwargs):
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._acquired = 0
        self._acquired_per_host = {}
        self._waiters = {}
        self._closed = False
        self._ssl = ssl

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def closed(self):
        return self._closed

    def _available_connections(self, key):
        if self._limit:
            available = self._limit - self._acquired
            if self._limit_per_host and available > 0 and key in self._acquired_per_host:
                available = self._limit_per_host - self._acquired_per_host[key]
        elif self._limit_per_host and key in self._acquired_per_host:
            available = self._limit_per_host - self._acquired_per_host[key]
        else:
            available = 1
        return available

    def _report(self):
        cap = self._limit_per_host or self._limit or 0
        _asyncio._n_resource(self, 'connections', self._acquired, cap)

    async def _acquire(self, key):
        if self._closed:
            raise ClientConnectionError('Connector is closed.')
        # Wait if none is free, or if others already wait (a newcomer does not jump the line).
        if self._available_connections(key) <= 0 or key in self._waiters:
            fut = _asyncio.get_running_loop().create_future()
            which = f'{self._limit_per_host} per host' if self._limit_per_host else f'{self._limit} in all'
            fut._set_label(f'free connection ({which})', self)
            self._waiters.setdefault(key, _deque()).append(fut)
            try:
                await fut
            except BaseException:
                if key in self._waiters:
                    try:
                        self._waiters[key].remove(fut)
                    except ValueError:
                        pass
                raise
            finally:
                if key in self._waiters and not self._waiters[key]:
                    del self._waiters[key]
        self._acquired += 1
        self._acquired_per_host[key] = self._acquired_per_host.get(key, 0) + 1
        self._report()

    def _release(self, key):
        self._acquired -= 1
        left = self._acquired_per_host.get(key, 1) - 1
        if left:
            self._acquired_per_host[key] = left
        else:
            self._acquired_per_host.pop(key, None)
        self._report()
        self._release_waiter()

    def _release_waiter(self):
        for key in list(self._waiters):
            if self._available_connections(key) < 1:
                continue
            waiters = self._waiters[key]
            while waiters:
                waiter = waiters.popleft()
                if not waiter.done():
                    waiter.set_result(None)
                    return

    async def close(self):
        self._closed = True


BaseConnector = TCPConnector


class ClientResponse:
    def __init__(self, method, url, status, reason, headers, body, request_headers):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = status
        self.reason = reason
        self.headers = _Headers(headers)
        self._body = body
        self.history = ()
        self.request_info = RequestInfo(url, method, _Headers(request_headers))
        self.closed = False

    @property
    def ok(self):
        return self.status < 400

    @property
    def content_type(self):
        return self.headers.get('Content-Type', 'application/octet-stream').split(';')[0].strip().lower()

    @property
    def charset(self):
        for part in self.headers.get('Content-Type', '').split(';')[1:]:
            k, _, v = part.strip().partition('=')
            if k.lower() == 'charset':
                return v.strip('"')
        return None

    async def read(self):
        return self._body

    async def text(self, encoding=None, errors='strict'):
        return self._body.decode(encoding or self.charset or 'utf-8', errors)

    async def json(self, *, encoding=None, loads=None, content_type='application/json'):
        if content_type:
            ctype = self.headers.get('Content-Type', '').lower()
            base = ctype.split(';')[0].strip()
            if not (base.startswith('application/') and (base == 'application/json' or base.endswith('+json'))):
                raise ContentTypeError(
                    self.request_info, self.history, status=self.status,
                    message=f'Attempt to decode JSON with unexpected mimetype: {ctype}', headers=self.headers)
        stripped = self._body.decode(encoding or self.charset or 'utf-8').strip()
        if not stripped:
            return None
        return (loads or _json.loads)(stripped)

    def raise_for_status(self):
        if not self.ok:
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        pass

    def close(self):
        self.closed = True

    async def wait_for_close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()

    def __repr__(self):
        return f'<ClientResponse({self.url}) [{self.status} {self.reason}]>\n<CIMultiDictProxy({self.headers!r})>\n'


class _RequestContextManager:
    """What session.get() returns: awaitable, and an async context manager."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, loop=None, timeout=None, headers=None,
                 raise_for_status=False, connector_owner=True, **kwargs):
        self._base_url = base_url
        self._connector = connector if connector is not None else TCPConnector()
        self._timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self._default_headers = dict(headers) if headers else {}
        self._raise_for_status = raise_for_status
        self._connector_owner = connector_owner
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                await self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request('GET', url, **kwargs))

    def post(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('POST', url, data=data, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PUT', url, data=data, **kwargs))

    def patch(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('PATCH', url, data=data, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('DELETE', url, **kwargs))

    def head(self, url, **kwargs):
        return _RequestContextManager(self._request('HEAD', url, **kwargs))

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None,
                       timeout=None, raise_for_status=None, allow_redirects=True, ssl=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        url = str(url)
        if self._base_url is not None:
            url = str(self._base_url).rstrip('/') + '/' + url.lstrip('/')
        url = _with_params(url, params)
        parts = _split_url(url)
        if parts is None:
            raise InvalidURL(url)
        scheme, host, port, path = parts
        pairs = _header_pairs(self._default_headers, headers)
        body = _encode_body(data, json, pairs)
        t = timeout if timeout is not None else self._timeout
        total = t.total if isinstance(t, ClientTimeout) else t
        async with _asyncio.timeout(total):
            key = (host, port)
            await self._connector._acquire(key)
            try:
                result = await _start(method, url, pairs, body)
            finally:
                self._connector._release(key)
        if isinstance(result, str):
            ssl_text = 'default' if scheme == 'https' else 'False'
            raise ClientConnectorError(host, port, ssl_text, result)
        status, reason, rheaders, rbody, final_url = result
        resp = ClientResponse(method, final_url, status, reason, rheaders, rbody, pairs)
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            resp.raise_for_status()
        return resp


async def _one_off(method, url, kwargs):
    async with ClientSession() as session:
        return await session._request(method, url, **kwargs)


def request(method, url, **kwargs):
    """aiohttp.request(): a request with a session of its own."""
    return _RequestContextManager(_one_off(method, url, kwargs))


def get(url, **kwargs):
    """The module-level aiohttp.get() of older tutorials (aiohttp < 2)."""
    return _RequestContextManager(_one_off('GET', url, kwargs))
