"""What a fan-out hands back: one ``Outcome`` per id, a ``BulkReport`` of counts, and the errors."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar, cast

import attrs

from .._errors import DevinError

__all__ = [
    "BulkError",
    "BulkReport",
    "BulkResult",
    "Outcome",
    "OutcomeStatus",
    "ProgressCallback",
]

T = TypeVar("T")


class OutcomeStatus(str, enum.Enum):
    """How an id ended; compares equal to its string (``"ok"``), as the open enums do."""

    OK = "ok"
    FAILED = "failed"
    TIMED_OUT = "timed_out"

    def __str__(self) -> str:
        return str(self.value)


@attrs.frozen(slots=True)
class Outcome(Generic[T]):
    """What became of one id: its ``value``, or the ``error`` that ended it.

    ``attempts`` counts the HTTP requests sent for it (retries included; a request for
    many ids counts for each) and ``rate_limited`` how many of them were answered 429.
    """

    id: str
    status: OutcomeStatus
    value: T | None = None
    error: Exception | None = None
    attempts: int = 0
    rate_limited: int = 0

    @property
    def ok(self) -> bool:
        return self.status is OutcomeStatus.OK

    def unwrap(self) -> T:
        """The value, or raise the error that ended this id."""
        if self.error is not None:
            raise self.error
        return cast(T, self.value)


@attrs.frozen
class BulkReport:
    """Counts for a batch: per outcome, retries and 429s, elapsed seconds, ids per second,
    and the HTTP requests sent (retries included; one request may fetch many ids).

    ``total`` is the number of distinct ids, when known in advance (``None`` for an
    iterator of unknown length).
    """

    total: int | None
    succeeded: int
    failed: int
    timed_out: int
    retries: int
    rate_limited: int
    elapsed: float
    requests: int = 0

    @property
    def done(self) -> int:
        return self.succeeded + self.failed + self.timed_out

    @property
    def throughput(self) -> float:
        """Ids finished per second."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def counts(self) -> dict[OutcomeStatus, int]:
        return {
            OutcomeStatus.OK: self.succeeded,
            OutcomeStatus.FAILED: self.failed,
            OutcomeStatus.TIMED_OUT: self.timed_out,
        }


# A name, not a string: what reads the annotations at run time (argument checks) finds it.
ProgressCallback = Callable[[BulkReport], object]


class BulkResult(list[T]):
    """A list in input order (one entry per id given, duplicates included) with ``report``."""

    def __init__(self, items: Iterable[T], report: BulkReport):
        super().__init__(items)
        self.report = report


class BulkError(DevinError):
    """Some ids of a batch failed or timed out; raised only after every id finished.

    ``outcomes`` holds one ``Outcome`` per id given, in input order, successes included.
    """

    def __init__(self, outcomes: list[Outcome[Any]], report: BulkReport):
        bad = [o for o in outcomes if not o.ok]
        first = bad[0] if bad else None
        summary = (
            f"{report.failed} failed and {report.timed_out} timed out of {report.done} ids"
            + (f"; first: {first.id}: {first.error}" if first is not None else "")
        )
        super().__init__(summary)
        self.outcomes = outcomes
        self.report = report

    @property
    def failures(self) -> list[Outcome[Any]]:
        """The outcomes that are not OK, in input order."""
        return [o for o in self.outcomes if not o.ok]
