"""Async-first Python SDK for the Devin REST API, with a blocking shim.

Names load when first used (PEP 562), so ``import devin_async`` is cheap for a command
line or a script that needs little of it; type checkers see the imports below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
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
    from ._fanout.polling import (
        V1_TERMINAL,
        V3_TERMINAL,
        TerminalStates,
        WaitTimeoutError,
    )
    from ._fanout.results import (
        BulkError,
        BulkReport,
        BulkResult,
        Outcome,
        OutcomeStatus,
    )
    from ._http import (
        Handler,
        Middleware,
        Request,
        Response,
        Transport,
    )
    from ._options import RequestOptions
    from ._pipeline.ratelimit import RateLimit
    from ._pipeline.retry import RetryPolicy
    from ._raw import APIResponse
    from ._sync import Devin, SyncPaginator
    from .models import (
        SessionInsights,
        SessionResponse,
        Timestamp,
        V1Session,
    )

# Where each public name lives: the lazy twin of the imports above (a test checks both).
_HOMES = {
    "NOT_GIVEN": "._body",
    "NotGiven": "._body",
    "AsyncDevin": "._client",
    "Clock": "._clock",
    "OpenEnum": "._enums",
    "APIConnectionError": "._errors",
    "APIOutcomeUnknownError": "._errors",
    "APIStatusError": "._errors",
    "APITimeoutError": "._errors",
    "AuthenticationError": "._errors",
    "BadRequestError": "._errors",
    "ClientUsageError": "._errors",
    "ConfigurationError": "._errors",
    "ConflictError": "._errors",
    "DecodeError": "._errors",
    "DevinError": "._errors",
    "InternalServerError": "._errors",
    "NotFoundError": "._errors",
    "PermissionDeniedError": "._errors",
    "RateLimitError": "._errors",
    "ResponseTooLargeError": "._errors",
    "UnprocessableEntityError": "._errors",
    "BulkIterator": "._fanout.iterator",
    "V1_TERMINAL": "._fanout.polling",
    "V3_TERMINAL": "._fanout.polling",
    "TerminalStates": "._fanout.polling",
    "WaitTimeoutError": "._fanout.polling",
    "BulkError": "._fanout.results",
    "BulkReport": "._fanout.results",
    "BulkResult": "._fanout.results",
    "Outcome": "._fanout.results",
    "OutcomeStatus": "._fanout.results",
    "Handler": "._http",
    "Middleware": "._http",
    "Request": "._http",
    "Response": "._http",
    "Transport": "._http",
    "RequestOptions": "._options",
    "RateLimit": "._pipeline.ratelimit",
    "RetryPolicy": "._pipeline.retry",
    "APIResponse": "._raw",
    "Devin": "._sync",
    "SyncPaginator": "._sync",
    "SessionInsights": ".models",
    "SessionResponse": ".models",
    "Timestamp": ".models",
    "V1Session": ".models",
}

__all__ = [
    "NOT_GIVEN",
    "V1_TERMINAL",
    "V3_TERMINAL",
    "APIConnectionError",
    "APIOutcomeUnknownError",
    "APIResponse",
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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home, __name__), name)
    globals()[name] = value  # found once; later lookups skip this function
    return value


def __dir__() -> list[str]:
    # The public names, loaded or not, and the dunders; not this module's own helpers.
    return sorted({*__all__, *(n for n in globals() if n.startswith("__"))})
