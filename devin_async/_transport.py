"""Transports: aiohttp's (the one module that imports aiohttp and maps its errors to ours),
and a user's send function made into one."""

from __future__ import annotations

import asyncio
import inspect
import io
import platform
from collections.abc import Callable, Mapping
from ssl import SSLContext
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp
from aiohttp.http_exceptions import DecompressSizeError, HttpProcessingError  # aiohttp >= 3.13.4
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

from ._config import DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_POOL_SIZE, ERROR_BODY_KEPT
from ._deadlines import COARSE_FROM, Deadlines
from ._errors import (
    APIConnectionError,
    APITimeoutError,
    ClientUsageError,
    DecodeError,
    DevinError,
    ResponseTooLargeError,
)
from ._http import (
    Handler,
    Multipart,
    Request,
    Response,
    Transport,
    download_request,
    new_response,
)
from ._proxy import proxy_route
from ._version import __version__

__all__ = [
    "AiohttpTransport",
    "ConnectorFactory",
    "FunctionTransport",
    "as_transport",
    "encode_query",
]

# Makes the aiohttp connector of each connection pool: AsyncDevin(connector_factory=...).
ConnectorFactory = Callable[[], aiohttp.BaseConnector]

_CHUNK_SIZE = 64 * 1024
_ENCODING = aiohttp.hdrs.CONTENT_ENCODING  # an istr: found without case folding
_KEPT_TIMEOUTS = 32

USER_AGENT = (
    f"devin-async/{__version__} python/{platform.python_version()} aiohttp/{aiohttp.__version__}"
)


# ClientSession.request() only wraps the coroutine _request() in a context manager, made
# through a types.GenericAlias that tries to set __orig_class__ on a slotted object (an
# AttributeError raised and swallowed per call) and awaited through a wrapper that each
# resumption passes: 3% of a fan-out's instructions (get_many: 472k -> 459k per id, and
# 0.85x -> 0.88x of raw aiohttp in bench_fanout; commit 72e3033, README "Where the last
# step came from"). The transport awaits _request() itself, looked up on the session at
# every call, where aioresponses and vcrpy patch it; tests/test_requests.py checks that
# request() does nothing more. This is the only use of it, in send(); should a later
# aiohttp (pyproject caps it below 4) drop it, the public request() does the same job.
_AWAIT_REQUEST_COROUTINE = inspect.iscoroutinefunction(
    getattr(aiohttp.ClientSession, "_request", None)
)


def encode_query(params: Any) -> str:
    """The one place query strings are encoded (spaces as %20, every reserved char escaped)."""
    return urlencode(params, quote_via=quote, safe="")


class _Timeouts(dict[float | None, aiohttp.ClientTimeout]):
    """A ``ClientTimeout`` per total, made once: requests share a handful (the client's,
    a call's), looked up as a plain dict on every request. The one-off totals a retry's
    leftover budget makes are not kept past a few dozen, so the cache stays bounded."""

    def __missing__(self, seconds: float | None) -> aiohttp.ClientTimeout:
        timeout = aiohttp.ClientTimeout(total=seconds)
        if len(self) < _KEPT_TIMEOUTS:
            self[seconds] = timeout
        return timeout


def _undecodable(exc: BaseException) -> str | None:
    """aiohttp's reason when ``exc`` says a body's Content-Encoding cannot be undone (a
    corrupt gzip stream, or br/zstd without their decoders): the server answered, and
    asking again gets the same bytes."""
    cause = exc.__cause__
    if isinstance(cause, HttpProcessingError) and "content-encoding" in cause.message.lower():
        return cause.message
    return None


def _map_error(exc: BaseException, request: Request) -> DevinError:
    """Translate an aiohttp/asyncio failure into our hierarchy, saying whether it was sent."""
    where = f"{request}"
    undecodable = _undecodable(exc)
    if undecodable is not None:
        return DecodeError(
            f"{where} answered a body that cannot be decompressed: {undecodable}",
            status_code=None,
            path=request.path,
        )
    kwargs: dict[str, Any] = {"method": request.method, "path": request.path}
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return APITimeoutError(f"timed out connecting for {where}", sent=False, **kwargs)
    if isinstance(exc, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
        return APITimeoutError(f"timed out waiting for the response to {where}", **kwargs)
    if isinstance(exc, aiohttp.ClientConnectorError):
        # Connecting failed, so no byte of the request reached the server.
        return APIConnectionError(
            f"could not connect for {where}: {exc.os_error or type(exc).__name__}",
            sent=False,
            **kwargs,
        )
    if isinstance(exc, aiohttp.InvalidURL):
        return APIConnectionError(f"invalid URL for {where}", sent=False, **kwargs)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return APIConnectionError(f"server closed the connection during {where}", **kwargs)
    if isinstance(exc.__cause__, HttpProcessingError):  # a status line or header aiohttp refused
        reason = " ".join(exc.__cause__.message.split())[:120]
        return APIConnectionError(f"{where} got an answer that is not HTTP: {reason}", **kwargs)
    return APIConnectionError(f"connection failed during {where}: {type(exc).__name__}", **kwargs)


async def _read_within(resp: aiohttp.ClientResponse, cap: int, request: Request) -> bytes:
    """The body of ``resp``, read as it arrives (inflated, if it was compressed) until it
    passes ``cap`` bytes: then a 2xx raises ``ResponseTooLargeError``, and any other
    answer's body is cut to ``cap + 1`` bytes (one past what an error keeps, so that the
    decoder can tell it was cut). The unread rest closes the connection with the answer."""
    ok = resp.status < 300
    declared = resp.content_length  # of the body as sent: compressed, if it was
    if ok and declared is not None and declared > cap:
        raise _too_large(resp, cap, request, f"Content-Length says {declared} bytes")
    chunks: list[bytes] = []
    size = 0
    stream = resp.content
    while size <= cap:
        # aiohttp inflates a compressed body a bounded step at a time, as it is read:
        # no single piece is much larger than its read buffer, whatever the ratio.
        try:
            chunk = await stream.readany()
        except aiohttp.ClientPayloadError as exc:
            # aiohttp 3.13 refuses to inflate one piece past a limit of its own (32 MiB):
            # a bomb, whatever our cap, so say so as the cap would have.
            bomb = isinstance(exc.__cause__, DecompressSizeError)
            if not (bomb or _undecodable(exc)):
                raise
            if not ok:
                return b"".join(chunks)[: cap + 1]  # an error status still says what went wrong
            if bomb:
                raise _too_large(resp, cap, request, "aiohttp refused to inflate it") from None
            raise _map_error(exc, request) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    if ok:
        raise _too_large(resp, cap, request, "the rest was not read")
    return b"".join(chunks)[: cap + 1]


def _too_large(
    resp: aiohttp.ClientResponse, cap: int, request: Request, why: str
) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{request} answered {resp.status} with a body over its max_response_size of "
        f"{cap} bytes ({why}); pass max_response_size= to the call or the client to allow "
        "more",
        limit=cap,
        status_code=resp.status,
        path=request.path,
    )


class _Lent(io.RawIOBase):
    """A file lent to aiohttp for one attempt. aiohttp closes a file payload once sent,
    which would leave a retry (and the caller) with a closed file; this one stays open."""

    def __init__(self, file: Any):
        self._file = file

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._file.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return int(self._file.seek(offset, whence))

    def tell(self) -> int:
        return int(self._file.tell())

    def fileno(self) -> int:
        return int(self._file.fileno())

    def close(self) -> None:
        """Leave the file open: its owner closes it."""


def _proxy_url(proxy: str | None) -> URL | None:
    return None if proxy is None else URL(proxy)


class AiohttpTransport:
    """Sends requests over one pooled ``aiohttp.ClientSession``, created on first use.

    ``proxy``, ``trust_env`` and ``ssl`` are ``AsyncDevin``'s; ``connector_factory``
    makes the connector of each new pool (on the loop that uses it) instead of the
    transport's own ``TCPConnector(limit=pool_size, ssl=ssl)``.
    """

    def __init__(
        self,
        base_url: str,
        *,
        pool_size: int = DEFAULT_POOL_SIZE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        proxy: str | None = None,
        trust_env: bool = True,
        ssl: SSLContext | bool = True,
        connector_factory: ConnectorFactory | None = None,
    ):
        self._base_url = base_url
        self._pool_size = pool_size
        self._max_response_size = max_response_size
        self._route = proxy_route(proxy, trust_env)
        self._api_proxy = _proxy_url(self._route(base_url))  # the same for every request
        self._ssl = ssl
        self._connector_factory = connector_factory
        self._session: aiohttp.ClientSession | None = None
        self._closed = False  # for good: a call still running when its client closed stops
        self._closing: asyncio.Future[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timeouts = _Timeouts()
        self._deadlines: Deadlines  # made with each pool, on its loop
        self._last_headers: tuple[dict[str, str], CIMultiDictProxy[str]] = (
            {},
            CIMultiDictProxy(CIMultiDict()),
        )

    @property
    def is_open(self) -> bool:
        return self._session is not None

    def _client_session(self) -> aiohttp.ClientSession:
        session = self._session  # only aclose() closes it, and it forgets it first
        if session is not None and self._loop is asyncio.get_running_loop():
            return session  # every call but the first
        return self._new_client_session()

    def _new_client_session(self) -> aiohttp.ClientSession:
        if self._session is not None:  # open, but not on the running loop
            # aiohttp's pool is bound to the loop it was made on; using it elsewhere fails
            # deep inside aiohttp (or hangs), so say what happened and what to do.
            ended = self._loop is not None and self._loop.is_closed()
            raise ClientUsageError(
                "this client's connection pool belongs to "
                + ("an event loop that has ended" if ended else "another event loop")
                + ": 'await client.aclose()' before that loop ends (or use 'async with'), "
                "or create one client per event loop"
            )
        if self._closed:  # a retry or poll of a call begun before aclose(): no new pool
            raise ClientUsageError(
                "this client was closed while the call was under way: make a new one for more calls"
            )
        # Created here, inside a coroutine, so it binds to the loop that uses it.
        self._loop = asyncio.get_running_loop()
        self._deadlines = Deadlines(self._loop)
        factory = self._connector_factory
        connector = (
            aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0, ssl=self._ssl)
            if factory is None
            else factory()
        )
        # trust_env stays off: proxies come from the environment through proxy_route,
        # without aiohttp's per-request .netrc credentials (see _proxy).
        session = aiohttp.ClientSession(
            connector=connector,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            auto_decompress=True,
            raise_for_status=False,
        )
        # aiohttp resends an idempotent request once, on a fresh connection, when the
        # one it used was closed under it: a request the retry policy never decided
        # and .attempts never counts (max_retries=0 would still send two). aiohttp's own
        # test client turns it off through this attribute; there is no public switch.
        session._retry_connection = False
        self._session = session
        return session

    def _url(self, request: Request) -> URL:
        url = self._base_url + request.path
        if request.params:
            url += "?" + encode_query(request.params)
        return URL(url, encoded=True)

    def _form(self, f: Multipart) -> aiohttp.FormData:
        # quote_fields=False: a name is sent as UTF-8, as browsers do; the default
        # percent-encodes it, and servers then store "a%20b.txt" for "a b.txt".
        form = aiohttp.FormData(quote_fields=False)
        content = f.content
        if hasattr(content, "seek"):  # a retry re-sends the file from its start
            content.seek(f.start)
            content = _Lent(content)
        form.add_field(f.field, content, filename=f.filename, content_type=f.content_type)
        return form

    def _headers(self, headers: Mapping[str, str]) -> CIMultiDictProxy[str]:
        # Requests carry the same headers (the auth layer's) call after call. Handing
        # aiohttp a ready multidict halves what it spends merging them per request.
        known, ready = self._last_headers
        if headers != known:
            ready = CIMultiDictProxy(CIMultiDict(headers))
            self._last_headers = (dict(headers), ready)
        return ready

    async def send(self, request: Request) -> Response:
        session = self._client_session()
        files = request.files
        seconds = request.timeout
        watch = None
        deadlines = self._deadlines
        if seconds is not None and seconds >= COARSE_FROM:  # see Deadlines: no timer each
            watch = deadlines.watch(seconds)
            seconds = None
        try:
            send = session._request if _AWAIT_REQUEST_COROUTINE else session.request
            resp = await send(
                request.method,
                self._url(request),
                headers=self._headers(request.headers),
                timeout=self._timeouts[seconds],
                allow_redirects=False,
                data=None if files is None else self._form(files),
                json=request.json if files is None else None,
                proxy=self._api_proxy,
            )
            try:
                # A body is read whole at once only when its size is known and allowed: a
                # 2xx up to the size limit, any other answer up to what an error keeps.
                # Anything else (no length, compressed, too long) is read piece by piece,
                # counted, and refused or cut the moment it passes that.
                cap = (
                    request.max_response_size or self._max_response_size
                    if resp.status < 300
                    else ERROR_BODY_KEPT
                )
                length = resp.content_length
                if length is not None and length <= cap and _ENCODING not in resp.headers:
                    content = await resp.read()
                else:
                    content = await _read_within(resp, cap, request)
            finally:
                resp.release()
                if files is not None or request.json is not None:
                    # Let a body writer finish unwinding before a retry re-sends the
                    # file. A bodiless request has none to wait for: aiohttp makes one
                    # only if the socket was paused, and release() cancelled it.
                    await resp.wait_for_close()
            return new_response(resp.status, resp.headers, content, request)
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise _map_error(exc, request) from None
        except asyncio.CancelledError:
            if watch is not None and deadlines.expired(watch):
                raise _map_error(asyncio.TimeoutError(), request) from None
            raise
        finally:
            if watch is not None:
                deadlines.release(watch)

    async def download(
        self, url: str, write: Callable[[bytes], object], *, timeout: float | None = None
    ) -> Response:
        """``Transport.download``: the 2xx body goes to ``write`` chunk by chunk."""
        request = download_request(url, timeout)
        session = self._client_session()
        try:
            # Only the session's User-Agent goes along: the bearer token is added per
            # request by the auth middleware, never here. The URL is sent as given:
            # re-encoding a presigned query could break its signature. The timeout is
            # the whole transfer's, as for any call: a host trickling a byte a second
            # never trips a per-read one.
            async with session.get(
                URL(url, encoded=True),
                headers={"Accept": "*/*"},
                timeout=self._timeouts[timeout],
                proxy=_proxy_url(self._route(url)),
            ) as resp:
                if not 200 <= resp.status < 300:
                    content = await _read_within(resp, ERROR_BODY_KEPT, request)
                    return new_response(resp.status, resp.headers, content, request)
                async for chunk in resp.content.iter_chunked(_CHUNK_SIZE):
                    write(chunk)
                return new_response(resp.status, resp.headers, b"", request)
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            raise _map_error(exc, request) from None

    async def aclose(self) -> None:
        session, self._session, self._closed = self._session, None, True
        if session is not None:
            if self._loop is not None and self._loop.is_closed():
                session.detach()  # its loop is gone: nothing left to close gracefully
            else:  # one close, which a concurrent aclose() waits for too
                self._closing = asyncio.ensure_future(session.close())
        closing = self._closing
        if closing is not None:
            try:
                await closing
            finally:
                if closing.done() and self._closing is closing:
                    self._closing = None


class FunctionTransport:
    """A bare send function (``AsyncDevin(transport=handler)``) as a ``Transport``.

    Downloads go through the function too: it gets the GET of ``download_request``,
    without credentials, and a 2xx answer's body is written at once.
    """

    def __init__(self, send: Handler):
        self.send = send  # the function itself: no frame of ours on each request

    async def download(
        self, url: str, write: Callable[[bytes], object], *, timeout: float | None = None
    ) -> Response:
        response = await self.send(download_request(url, timeout))
        if not 200 <= response.status < 300:
            return response
        write(response.content)
        return new_response(response.status, response.headers, b"", response.request)

    async def aclose(self) -> None:
        """Nothing to release: the function's owner manages what it uses."""


def as_transport(transport: Transport | Handler) -> Transport:
    """What ``AsyncDevin(transport=...)`` was given, as a ``Transport``."""
    if isinstance(transport, Transport):
        return transport
    if not callable(transport):
        raise TypeError(
            "transport must be a Transport (send, download, aclose) or an async "
            f"function taking a Request, got {transport!r}"
        )
    return FunctionTransport(transport)
