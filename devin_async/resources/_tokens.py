"""Calls whose answer holds a live token the API shows once (a new API key, a new service
user): whatever goes wrong, the token must not end up in an exception message."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from .._errors import DecodeError

__all__ = ["token_answer"]

T = TypeVar("T")


async def token_answer(call: Awaitable[T]) -> T:
    """``call``'s model; if its body cannot be read, a ``DecodeError`` that shows none of it.

    A body that is not JSON is quoted in the usual error (its message and ``body``): here
    that quote could be the token. Error statuses (4xx/5xx) carry no token and pass as
    they are.
    """
    try:
        return await call
    except DecodeError as exc:
        # Only what is safe is kept; the error (and its body) is not chained either.
        status, path = exc.status_code, exc.path
    raise DecodeError(
        f"{path or 'the request'} answered {status} with a body that could not be read "
        "(not shown: it may hold the new token)",
        status_code=status,
        path=path,
    )
