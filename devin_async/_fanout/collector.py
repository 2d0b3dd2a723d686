"""A batch's final outcomes: counted, reported to ``on_progress``, kept by id for the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import attrs

from .results import BulkError, BulkReport, BulkResult, Outcome, OutcomeStatus, ProgressCallback

__all__ = ["Collector", "Now", "check_on_error"]

T = TypeVar("T")

Now = Callable[[], float]

_OK, _FAILED = OutcomeStatus.OK, OutcomeStatus.FAILED


def check_on_error(on_error: str) -> str:
    if on_error not in ("raise", "return"):
        raise ValueError(f"on_error must be 'raise' or 'return', got {on_error!r}")
    return on_error


class Collector(Generic[T]):
    """Counts a batch's final outcomes (per status, retries, 429s), tells ``on_progress``
    after each, and keeps those ``add``ed by id for ``finish``.

    A success at the first attempt, the usual case, comes through ``add_first_try(id,
    value)`` and is kept as its bare value: an ``Outcome`` object per id would make the
    garbage collector run more often while a batch holds thousands of results. Such
    successes are counted by how many are kept, so that path counts nothing per id, and
    with no ``on_progress`` to tell it is the dict's own ``__setitem__``. The collector
    picks that path itself: a caller only wires ``add`` and ``add_first_try`` up.

    Requests are counted from the outcomes' attempts, unless ``per_request``: a fetch
    that sends one request for many ids tells each request to ``sent`` instead.
    """

    __slots__ = (
        "_clock",
        "_failed",
        "_first_tries",
        "_on_progress",
        "_others",
        "_per_request",
        "_rate_limited",
        "_requests",
        "_retries",
        "_succeeded",
        "_timed_out",
        "add_first_try",
        "started",
        "total",
    )

    def __init__(
        self,
        total: int | None,
        clock: Now,
        on_progress: ProgressCallback | None = None,
        *,
        per_request: bool = False,
    ):
        self.total = total
        self._per_request = per_request
        self._clock = clock
        self.started = clock()
        self._on_progress = on_progress
        self._first_tries: dict[str, T] = {}
        self._others: dict[str, Outcome[T]] = {}
        self._succeeded = 0  # the successes not in _first_tries
        self._failed = self._timed_out = self._retries = self._rate_limited = 0
        self._requests = 0  # those of the outcomes not in _first_tries, or every one
        first_tries = self._first_tries
        self.add_first_try: Callable[[str, T], None]
        if on_progress is None:  # the dict's own method: keeping one costs no Python frame
            self.add_first_try = first_tries.__setitem__
        else:

            def add_first_try(devin_id: str, value: T) -> None:
                first_tries[devin_id] = value
                on_progress(self.report())

            self.add_first_try = add_first_try

    def add(self, outcome: Outcome[T]) -> None:
        """Keep and count the final outcome of an id."""
        if outcome.attempts == 1 and outcome.status is _OK and not outcome.rate_limited:
            self.add_first_try(outcome.id, outcome.value)  # type: ignore[arg-type]  # OK: a T
        else:
            self._others[outcome.id] = outcome
            self.count(outcome)

    def decode_kept(self, decode: Callable[[str, Any], T]) -> None:
        """Replace each success's kept value by ``decode(id, value)``; an id whose value
        does not decode becomes a failure with the error ``decode`` raised."""
        first, others = self._first_tries, self._others
        failed: list[tuple[str, Exception]] = []
        for devin_id, value in first.items():
            try:
                first[devin_id] = decode(devin_id, value)
            except Exception as exc:
                failed.append((devin_id, exc))
        for devin_id, error in failed:
            del first[devin_id]  # no longer counted as kept: counted as the failure it is
            failure: Outcome[T] = Outcome(devin_id, _FAILED, None, error, 1, 0)
            others[devin_id] = failure
            self.count(failure)
        for devin_id, outcome in others.items():
            if outcome.status is _OK:
                try:
                    value = decode(devin_id, outcome.value)
                except Exception as exc:
                    others[devin_id] = attrs.evolve(outcome, status=_FAILED, value=None, error=exc)
                    self._succeeded -= 1
                    self._failed += 1
                else:
                    others[devin_id] = attrs.evolve(outcome, value=value)

    def count(self, outcome: Outcome[Any]) -> None:
        """Count the final outcome of an id without keeping it."""
        self.count_requests(outcome)
        if outcome.status is _OK:
            self._succeeded += 1
        elif outcome.status is _FAILED:
            self._failed += 1
        else:
            self._timed_out += 1
        if self._on_progress is not None:
            self._on_progress(self.report())

    def count_requests(self, outcome: Outcome[Any]) -> None:
        """Count the requests, retries and 429s of an outcome, final or not (polling
        goes on)."""
        if not self._per_request:
            self.sent(outcome.attempts, outcome.rate_limited)

    def sent(self, attempts: int, rate_limited: int) -> None:
        """Count one request: its ``attempts`` (retries included), and how many were 429s."""
        self._requests += attempts
        self._retries += max(0, attempts - 1)
        self._rate_limited += rate_limited

    def report(self) -> BulkReport:
        first_tries = len(self._first_tries)
        return BulkReport(
            total=self.total,
            succeeded=self._succeeded + first_tries,
            failed=self._failed,
            timed_out=self._timed_out,
            retries=self._retries,
            rate_limited=self._rate_limited,
            elapsed=self._clock() - self.started,
            requests=self._requests + (0 if self._per_request else first_tries),
        )

    def __contains__(self, devin_id: str) -> bool:
        return devin_id in self._first_tries or devin_id in self._others

    def outcome(self, devin_id: str) -> Outcome[T]:
        if devin_id in self._first_tries:
            return Outcome(devin_id, _OK, self._first_tries[devin_id], None, 1, 0)
        return self._others[devin_id]

    def finish(self, ids: list[str], *, on_error: str) -> BulkResult[Any]:
        """Outcomes back in input order: values (raising ``BulkError`` if any id failed),
        or, with ``on_error="return"``, the ``Outcome``s themselves."""
        report = self.report()
        if on_error == "raise" and not (report.failed or report.timed_out):
            first, others = self._first_tries, self._others
            return BulkResult([first[i] if i in first else others[i].value for i in ids], report)
        ordered = [self.outcome(devin_id) for devin_id in ids]
        if on_error == "return":
            return BulkResult(ordered, report)
        raise BulkError(ordered, report)
