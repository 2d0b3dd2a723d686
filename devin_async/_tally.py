"""Per-id request counts of a fan-out, kept in a context variable the pipeline can see."""

from __future__ import annotations

import contextvars

__all__ = ["TALLY", "Tally"]


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
