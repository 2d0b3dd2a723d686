"""The data of one HTTP exchange, and the interfaces of the pipeline and the transport."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable
from urllib.parse import parse_qsl, urlsplit

import attrs
from multidict import CIMultiDict, CIMultiDictProxy

from ._config import check_size
from ._errors import ResponseTooLargeError
from ._frozen import filler

__all__ = [
    "NO_HEADERS",
    "Handler",
    "Middleware",
    "Multipart",
    "Request",
    "Response",
    "StockLayer",
    "Transport",
    "bearer_token",
    "case_insensitive",
    "download_request",
    "limit_writes",
    "redact_headers",
]

# What the SDK's own requests carry before the auth layer adds its header (which
# makes a fresh dict): one read-only mapping, not an empty dict made for each.
NO_HEADERS: Mapping[str, str] = MappingProxyType({})

_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` safe to show: credentials replaced by ``***``."""
    return {k: ("***" if k.lower() in _SECRET_HEADERS else v) for k, v in headers.items()}


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, however the name is spelt."""
    for name, value in headers.items():
        if name.lower() == "authorization" and value[:7].lower() == "bearer ":
            return value[7:].strip() or None
    return None


@attrs.frozen
class Multipart:
    """One file field of a multipart upload; ``content`` is bytes or a seekable binary file.

    ``start`` is where the file's content begins, so that every attempt sends all of it.
    """

    field: str
    filename: str
    content: Any
    content_type: str = "application/octet-stream"
    start: int = attrs.field()

    @start.default
    def _start_of_content(self) -> int:
        return self.content.tell() if hasattr(self.content, "tell") else 0


@attrs.frozen(repr=False)
class Request:
    """What the SDK asks of the API; the path is already validated and percent-encoded.

    ``timeout``, ``max_retries`` and ``max_response_size`` are a call's own (``None``: the
    client's): the retry layer reads the first two, the transport the first and last.
    """

    method: str
    path: str
    params: Sequence[tuple[str, str]] = ()
    json: Any = None
    files: Multipart | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    timeout: float | None = None
    max_retries: int | None = None
    max_response_size: int | None = None  # bytes; None: the client's

    def with_headers(self, extra: Mapping[str, str]) -> Request:
        # Spelled out rather than attrs.evolve: this runs on every request (auth). The
        # SDK's own requests carry no headers; copying the read-only empty mapping into
        # the merge costs as much as the rest of this method.
        headers = self.headers
        return new_request(
            self.method,
            self.path,
            self.params,
            self.json,
            self.files,
            {**headers, **extra} if headers else dict(extra),
            self.timeout,
            self.max_retries,
            self.max_response_size,
        )

    def __str__(self) -> str:
        """``GET /v3/...``: how messages name a request (no query, no headers)."""
        return f"{self.method} {self.path}"

    def __repr__(self) -> str:
        return f"Request({self}, headers={redact_headers(self.headers)!r})"


def case_insensitive(headers: Mapping[str, str]) -> CIMultiDictProxy[str]:
    """``headers`` as a read-only mapping that finds a name however it is spelled."""
    if isinstance(headers, CIMultiDictProxy):  # aiohttp's own: nothing to do
        return headers
    return CIMultiDictProxy(CIMultiDict(headers))


@attrs.frozen(repr=False)
class Response:
    """What the API answered, with its body read in full.

    ``headers`` is case-insensitive whoever built the response: ``headers["etag"]``
    finds ``ETag``. A plain mapping given here is copied into one.
    """

    status: int
    headers: CIMultiDictProxy[str] = attrs.field(converter=case_insensitive)
    content: bytes
    request: Request

    @property
    def request_id(self) -> str | None:
        return self.headers.get("X-Request-Id")

    def __repr__(self) -> str:
        return f"Response({self.status} for {self.request})"


# Positional constructors for the hot path (every field given, in declaration order).
new_request = filler(Request)
# For headers already case-insensitive (aiohttp's, another Response's): the hot path
# skips the converter.
new_response: Callable[[int, CIMultiDictProxy[str], bytes, Request], Response] = filler(
    Response, converted=("headers",)
)

Handler = Callable[[Request], Awaitable[Response]]


class Middleware(Protocol):
    """One layer of the pipeline: does its job, then awaits ``call_next(request)``.

    Called as ``layer(request, call_next)``: both arguments come positionally."""

    def __call__(self, request: Request, call_next: Handler, /) -> Awaitable[Response]: ...


class StockLayer:
    """A layer of the SDK's own: its work is the handler ``handler(call_next)`` returns.

    The pipeline binds that handler once, so a request costs one call per stock layer;
    a user's layer takes two (the pipeline's closure, then the layer)."""

    def handler(self, call_next: Handler) -> Handler:
        raise NotImplementedError

    def __call__(self, request: Request, call_next: Handler, /) -> Awaitable[Response]:
        return self.handler(call_next)(request)


@runtime_checkable
class Transport(Protocol):
    """Where requests leave the client: ``AsyncDevin(transport=...)`` replaces aiohttp's.

    ``send`` answers a request to the API, as the pipeline made it (the key included).
    ``download`` fetches an absolute URL, a presigned link on another host, with no
    credentials: a 2xx body goes to ``write`` (in chunks, or at once) and the returned
    response's content is empty; any other answer is returned whole, for the caller
    to raise. ``timeout`` bounds the whole transfer, connecting included. The aiohttp
    transport reads no more of a body than ``request.max_response_size`` (a 2xx answer's;
    past it, ``ResponseTooLargeError``) or ``ERROR_BODY_KEPT`` (any other's) allows.
    ``aclose`` releases what the transport holds; ``AsyncDevin.aclose()`` calls it.
    """

    def send(self, request: Request, /) -> Awaitable[Response]: ...

    def download(
        self, url: str, write: Callable[[bytes], object], *, timeout: float | None = None
    ) -> Awaitable[Response]: ...

    def aclose(self) -> Awaitable[None]: ...


def limit_writes(
    write: Callable[[bytes], object], max_size: int | None, what: object
) -> Callable[[bytes], object]:
    """``write``, refusing with ``ResponseTooLargeError`` the chunk that would take what it
    has written past ``max_size`` bytes (``None``: ``write`` itself). ``what`` names the
    transfer in the message; it is formatted only then."""
    if max_size is None:
        return write
    check_size("max_size", max_size)
    written = 0

    def limited(chunk: bytes) -> object:
        nonlocal written
        written += len(chunk)
        if written > max_size:
            raise ResponseTooLargeError(
                f"{what} passed its max_size of {max_size} bytes; the rest was not read",
                limit=max_size,
                status_code=None,
            )
        return write(chunk)

    return limited


def download_request(url: str, timeout: float | None) -> Request:
    """The ``Request`` a transport's ``download`` answers for: its path is the absolute
    URL without the query, which of a presigned URL is its signature and stays out of
    errors and reprs; the query is in ``params``."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    return Request("GET", f"{parts.scheme}://{parts.netloc}{parts.path}", params, timeout=timeout)
