"""The exception hierarchy: one root, transport failures, HTTP status errors, bad bodies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIOutcomeUnknownError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientUsageError",
    "ConfigurationError",
    "ConflictError",
    "DecodeError",
    "DevinError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "UnprocessableEntityError",
    "status_error_class",
]

_EXCERPT_CHARS = 200


def excerpt(body: bytes) -> str:
    """A short, single-line, printable prefix of a body for error messages."""
    text = body[:_EXCERPT_CHARS].decode("utf-8", errors="replace")
    text = " ".join(text.split())
    return text + ("…" if len(body) > _EXCERPT_CHARS else "")


def _show_as_public(cls: type[BaseException]) -> None:
    # Tracebacks then say devin_async.NotFoundError, the name users catch, rather than the
    # private module the class is defined in (httpx does the same). A user's own subclass
    # keeps its module.
    if cls.__module__.startswith("devin_async.") and not cls.__name__.startswith("_"):
        cls.__module__ = "devin_async"


class DevinError(Exception):
    """Root of every error this SDK raises.

    ``attempts`` is how many times the call's request was sent, retries included.
    When the retry layer gave up on the call, the message ends with how many
    attempts it made and why it stopped (``retry_stopped``).
    """

    attempts: int = 1
    retry_stopped: str | None = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _show_as_public(cls)

    def __str__(self) -> str:
        message = super().__str__()
        if self.retry_stopped is None:
            return message
        plural = "s" if self.attempts != 1 else ""
        return f"{message} (after {self.attempts} attempt{plural}; {self.retry_stopped})"


class ConfigurationError(DevinError):
    """The client lacks a setting (API key, org id) or one is invalid."""


class ClientUsageError(DevinError, RuntimeError):
    """The client was used where it cannot work: from an event loop other than the one
    its connection pool lives on, after being closed while a call was in flight, or a
    blocking call from the blocking client's own loop thread."""


class APIConnectionError(DevinError):
    """The request did not complete: DNS, connect, TLS, dropped connection.

    ``sent`` tells whether the request may have reached the server: ``False``
    only when it provably never left (connection refused, DNS failure).
    """

    def __init__(self, message: str, *, method: str = "", path: str = "", sent: bool = True):
        super().__init__(message)
        self.method = method
        self.path = path
        self.sent = sent


class APITimeoutError(APIConnectionError):
    """The request timed out."""


class APIOutcomeUnknownError(APIConnectionError):
    """A request that is not safe to repeat (POST, PATCH) may have taken effect; it was
    not resent. Check the server's state (for example list recent sessions) before
    trying again.

    Raised when such a request was sent and then its connection failed or timed out
    (``status_code`` is ``None``), or it was answered 500, 502, 503 or 504: none of these
    says whether the server acted first. ``status_code`` is then the answer's, and
    ``__cause__`` the ``InternalServerError`` with its body, ``detail`` and request id.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str = "",
        path: str = "",
        status_code: int | None = None,
    ):
        super().__init__(message, method=method, path=path, sent=True)
        self.status_code = status_code


class DecodeError(DevinError):
    """A response body is not what the API promises (HTML page, truncated JSON, wrong shape)."""

    def __init__(self, message: str, *, status_code: int | None, body: bytes = b"", path: str = ""):
        super().__init__(message)
        self.status_code = status_code
        self.body = body
        self.path = path


class ResponseTooLargeError(DecodeError):
    """A body passed its size limit while it was read, and the rest was not: a JSON answer
    past ``max_response_size`` (client setting, or per call), a download past its
    ``max_size``. ``limit`` is the limit in bytes; nothing of the body is kept."""

    def __init__(self, message: str, *, limit: int, status_code: int | None, path: str = ""):
        super().__init__(message, status_code=status_code, path=path)
        self.limit = limit


class APIStatusError(DevinError):
    """The API answered with an HTTP error status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        detail: Any = None,
        body: bytes = b"",
        request_id: str | None = None,
        headers: Mapping[str, str] | None = None,
        method: str = "",
        path: str = "",
    ):
        super().__init__(message)
        self.status_code = status_code
        self.detail = detail
        self.body = body
        self.request_id = request_id
        self.headers: Mapping[str, str] = headers or {}
        self.method = method
        self.path = path


class BadRequestError(APIStatusError):
    """400."""


class AuthenticationError(APIStatusError):
    """401: missing or invalid API key."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks the permission this endpoint needs."""


class NotFoundError(APIStatusError):
    """404."""


class ConflictError(APIStatusError):
    """409."""


class UnprocessableEntityError(APIStatusError):
    """422: request validation failed; ``detail`` holds the validation errors."""


class RateLimitError(APIStatusError):
    """429. ``retry_after`` is the wait the server asked for, in seconds, if it said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any):
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIStatusError):
    """5xx."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[APIStatusError]:
    """The most specific error class for an HTTP status."""
    if status >= 500:
        return InternalServerError
    return _BY_STATUS.get(status, APIStatusError)


_show_as_public(DevinError)  # its subclasses go through __init_subclass__
