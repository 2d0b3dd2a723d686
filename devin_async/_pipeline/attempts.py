"""Attempt counting: per-id request counts of a fan-out, in a context variable the pipeline sees."""

from __future__ import annotations

import contextvars
from collections.abc import Awaitable

from .._http import Handler, Request, Response, StockLayer

__all__ = ["TALLY", "AttemptCounter", "Tally"]


class Tally:
    """Requests sent for one id (retries included), and how many were answered 429."""

    __slots__ = ("attempts", "rate_limited")

    def __init__(self) -> None:
        self.attempts = 0
        self.rate_limited = 0


# Set by each fan-out worker (every task runs in its own copy of the context).
TALLY: contextvars.ContextVar[Tally | None] = contextvars.ContextVar(
    "devin_async_bulk_tally", default=None
)


class AttemptCounter(StockLayer):
    """Innermost pipeline layer: counts the requests a fan-out makes for its current id.

    Outside a fan-out it only reads a context variable. 429s are counted by the rate
    limiter, which looks at every answer anyway: no extra coroutine frame per request.
    """

    def handler(self, call_next: Handler) -> Handler:
        def counted(request: Request) -> Awaitable[Response]:
            tally = TALLY.get()
            if tally is not None:
                tally.attempts += 1
            return call_next(request)

        return counted
