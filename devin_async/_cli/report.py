"""What went wrong, for people and scripts: error descriptions and the exit status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import (
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    Outcome,
    OutcomeStatus,
    PermissionDeniedError,
    WaitTimeoutError,
)
from .exits import AUTH, ERROR, OK, SOME_FAILED, TIMEOUT, USAGE, UsageError
from .render import to_data

__all__ = [
    "NoAPIKey",
    "batch_exit",
    "error_data",
    "exit_code_for",
    "failure_data",
    "failure_text",
]


class NoAPIKey(Exception):
    """No key from ``--api-key-file``, ``--api-key prompt`` or ``DEVIN_API_KEY`` (exit 4)."""


def exit_code_for(exc: BaseException) -> int:
    """The exit status for the error that ended a command."""
    if isinstance(exc, (AuthenticationError, PermissionDeniedError, NoAPIKey)):
        return AUTH
    if isinstance(exc, (APITimeoutError, WaitTimeoutError)):
        return TIMEOUT
    if isinstance(exc, (UsageError, ConfigurationError, ValueError)):  # bad arguments
        return USAGE
    return ERROR


def batch_exit(outcomes: Iterable[Outcome[Any]]) -> int:
    """The exit status of a batch: 0 if every id succeeded, else the worst of auth (4),
    some ids failed (3), some waits timed out (5)."""
    bad = [o for o in outcomes if not o.ok]
    if not bad:
        return OK
    if any(o.error is not None and exit_code_for(o.error) == AUTH for o in bad):
        return AUTH
    return SOME_FAILED if any(o.status is OutcomeStatus.FAILED for o in bad) else TIMEOUT


def error_data(exc: BaseException) -> dict[str, Any]:
    """An error as JSON data: its type and message, and the HTTP status if there was one."""
    data: dict[str, Any] = {"type": type(exc).__name__, "message": str(exc)}
    if isinstance(exc, APIStatusError):
        data["status_code"] = exc.status_code
        if exc.request_id:
            data["request_id"] = exc.request_id
    if isinstance(exc, WaitTimeoutError) and exc.last is not None:
        data["last"] = to_data(exc.last)
    return data


def failure_data(outcome: Outcome[Any]) -> dict[str, Any]:
    """A failed or timed-out id as JSON data (with the session as last seen, if any)."""
    data: dict[str, Any] = {"id": outcome.id, "status": outcome.status.value}
    if outcome.error is not None:
        data["error"] = error_data(outcome.error)
    return data


def failure_text(outcome: Outcome[Any]) -> str:
    """``devin-...: failed: NotFoundError: ...`` for stderr."""
    status = outcome.status.value.replace("_", " ")
    error = outcome.error
    detail = f"{type(error).__name__}: {error}" if error is not None else "no result"
    return f"{outcome.id}: {status}: {detail}"
