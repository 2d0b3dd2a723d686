"""``BulkIterator``: a fan-out's outcomes as an async iterator, in completion order."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable, Iterable
from typing import Generic, TypeVar

from .chunks import Chunked
from .collector import Collector, Now
from .engine import Fetch, Sleep, check_concurrency, fan_out
from .ids import not_one_str
from .results import BulkReport, Outcome, ProgressCallback

__all__ = ["BulkIterator"]

T = TypeVar("T")


class BulkIterator(Generic[T]):
    """``async for devin_id, outcome in it``: outcomes in completion order.

    ``report`` reflects the outcomes yielded so far. Use ``async with`` (or
    ``aclose()``) when you may stop early: it cancels the calls still in flight.
    """

    def __init__(
        self,
        fetch: Fetch[T],
        ids: Iterable[str] | AsyncIterable[str],
        *,
        concurrency: int,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        total: int | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Now = time.perf_counter,
    ):
        check_concurrency(concurrency)
        not_one_str(ids)
        # Counts only: the outcomes go to the consumer, so memory stays flat.
        self._collector: Collector[T] = Collector(
            total, clock, on_progress, per_request=isinstance(fetch, Chunked)
        )
        self._outcomes = fan_out(
            fetch,
            ids,
            concurrency=concurrency,
            deadline=deadline,
            sleep=sleep,
            on_sent=self._collector.sent,
        )

    @property
    def report(self) -> BulkReport:
        return self._collector.report()

    def __aiter__(self) -> BulkIterator[T]:
        return self

    async def __anext__(self) -> tuple[str, Outcome[T]]:
        outcome = await self._outcomes.__anext__()
        self._collector.count(outcome)
        return outcome.id, outcome

    async def aclose(self) -> None:
        """Stop: cancel the calls in flight and wait for them to unwind."""
        await self._outcomes.aclose()  # type: ignore[attr-defined]

    async def __aenter__(self) -> BulkIterator[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
