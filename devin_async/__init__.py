"""Async-first Python SDK for the Devin REST API, with a blocking shim."""

from ._body import NOT_GIVEN, NotGiven
from ._client import AsyncDevin
from ._clock import Clock
from ._enums import OpenEnum
from ._errors import (
    APIConnectionError,
    APIOutcomeUnknownError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientUsageError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    DevinError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    UnprocessableEntityError,
)
from ._fanout.iterator import BulkIterator
from ._fanout.polling import V1_TERMINAL, V3_TERMINAL, TerminalStates, WaitTimeoutError
from ._fanout.results import BulkError, BulkReport, BulkResult, Outcome, OutcomeStatus
from ._http import Handler, Middleware, Request, Response, Transport
from ._options import RequestOptions
from ._pipeline.ratelimit import RateLimit
from ._pipeline.retry import RetryPolicy
from ._sync import Devin, SyncPaginator
from ._version import __version__
from .models import SessionInsights, SessionResponse, Timestamp, V1Session

__all__ = [
    "NOT_GIVEN",
    "V1_TERMINAL",
    "V3_TERMINAL",
    "APIConnectionError",
    "APIOutcomeUnknownError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncDevin",
    "AuthenticationError",
    "BadRequestError",
    "BulkError",
    "BulkIterator",
    "BulkReport",
    "BulkResult",
    "ClientUsageError",
    "Clock",
    "ConfigurationError",
    "ConflictError",
    "DecodeError",
    "Devin",
    "DevinError",
    "Handler",
    "InternalServerError",
    "Middleware",
    "NotFoundError",
    "NotGiven",
    "OpenEnum",
    "Outcome",
    "OutcomeStatus",
    "PermissionDeniedError",
    "RateLimit",
    "RateLimitError",
    "Request",
    "RequestOptions",
    "Response",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SessionInsights",
    "SessionResponse",
    "SyncPaginator",
    "TerminalStates",
    "Timestamp",
    "Transport",
    "UnprocessableEntityError",
    "V1Session",
    "WaitTimeoutError",
    "__version__",
]


def _show_public_error_names() -> None:
    # Tracebacks then say devin_async.NotFoundError, the name users catch, rather than the
    # private module it is defined in (httpx does the same). Only errors: inspect finds
    # other classes' source through their __module__.
    for name in __all__:
        obj = globals()[name]
        if isinstance(obj, type) and issubclass(obj, BaseException):
            obj.__module__ = __name__


_show_public_error_names()
