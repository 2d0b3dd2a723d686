"""The fan-out collector: one set of counts, whichever way an outcome comes in."""

from __future__ import annotations

import pytest

from devin_async import BulkReport, Outcome, OutcomeStatus
from devin_async._fanout.collector import Collector
from devin_async.testing import FakeClock

OK, FAILED = OutcomeStatus.OK, OutcomeStatus.FAILED


@pytest.mark.parametrize("watched", [False, True])
def test_first_tries_are_counted_alike_whether_progress_is_watched_or_not(watched: bool) -> None:
    clock = FakeClock()
    seen: list[BulkReport] = []
    collector: Collector[int] = Collector(4, clock.now, seen.append if watched else None)
    error = LookupError("gone")
    collector.add_first_try("a", 1)  # the worker's fast path
    collector.add(Outcome("b", OK, 2, None, 1, 0))  # a first try given as an Outcome
    collector.add(Outcome("c", OK, 3, None, 3, 1))
    clock.advance(2)
    collector.add(Outcome("d", FAILED, None, error, 2, 0))
    report = collector.report()
    assert (report.succeeded, report.failed, report.timed_out) == (3, 1, 0)
    assert (report.retries, report.rate_limited, report.total, report.elapsed) == (3, 1, 4, 2)
    assert [r.done for r in seen] == ([1, 2, 3, 4] if watched else [])
    assert all(i in collector for i in "abcd")
    outcomes = collector.finish(["d", "a", "b", "a"], on_error="return")
    assert outcomes == [
        Outcome("d", FAILED, None, error, 2, 0),
        Outcome("a", OK, 1, None, 1, 0),
        Outcome("b", OK, 2, None, 1, 0),
        Outcome("a", OK, 1, None, 1, 0),
    ]
    assert outcomes.report == report


def test_counted_outcomes_are_not_kept_and_unfinished_polls_count_only_requests() -> None:
    seen: list[BulkReport] = []
    collector: Collector[int] = Collector(None, FakeClock().now, seen.append)
    collector.count(Outcome("a", OK, 1, None, 1, 0))  # as an iterator hands it on
    collector.count_requests(Outcome("b", OK, 2, None, 2, 1))  # polled again later
    report = collector.report()
    assert "a" not in collector and "b" not in collector
    assert (report.succeeded, report.done, report.retries, report.rate_limited) == (1, 1, 1, 1)
    assert [r.done for r in seen] == [1]
