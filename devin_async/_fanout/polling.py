"""Polling sessions until they settle: many at once, in rounds over the fan-out engine."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from .._errors import DevinError
from .chunks import Chunked
from .collector import Collector, Now
from .engine import Fetch, Sleep, fetch_all
from .results import Outcome, OutcomeStatus, ProgressCallback

__all__ = [
    "V1_TERMINAL",
    "V3_TERMINAL",
    "TerminalStates",
    "WaitTimeoutError",
    "poll_delays",
    "poll_until",
]

T = TypeVar("T")

DEFAULT_MAX_WAIT = 3600.0
DEFAULT_POLL_INTERVAL = 2.0
DEFAULT_MAX_POLL_INTERVAL = 30.0
_POLL_BACKOFF = 1.5


def _strings(values: Iterable[str]) -> frozenset[str]:
    if isinstance(values, str):
        raise TypeError(f"expected a collection of states, not the single str {values!r}")
    return frozenset(str(v) for v in values)


@attrs.frozen
class TerminalStates:
    """When a wait ends: a status in ``statuses``, or ``running`` with a ``status_detail``
    in ``running_details``. ``field`` names the status attribute (v1: ``status_enum``)."""

    statuses: frozenset[str] = attrs.field(converter=_strings)
    running_details: frozenset[str] = attrs.field(converter=_strings, default=())
    field: str = "status"

    def __call__(self, session: object) -> bool:
        status = getattr(session, self.field, None)
        if status is None:
            return False
        status = str(status)  # open enums print as their wire value
        if status in self.statuses:
            return True
        detail = getattr(session, "status_detail", None)
        return status == "running" and detail is not None and str(detail) in self.running_details


# v3: a session is done when it stopped, or is running but has nothing left to do
# without a human (docs: session status / status_detail).
V3_TERMINAL = TerminalStates(
    statuses=frozenset({"exit", "error", "suspended"}),
    running_details=frozenset({"finished", "waiting_for_user", "waiting_for_approval"}),
)
# v1 has no status_detail; its status_enum says finished, expired, or blocked (waiting
# for the user), the same three situations.
V1_TERMINAL = TerminalStates(
    statuses=frozenset({"finished", "expired", "blocked"}), field="status_enum"
)


class WaitTimeoutError(DevinError):
    """A session did not reach a terminal state in time; ``last`` is how it was last seen."""

    def __init__(self, devin_id: str, timeout: float, last: Any):
        seen = f" (last seen: {_state(last)})" if last is not None else ""
        super().__init__(f"{devin_id} did not settle within {timeout:g}s{seen}")
        self.devin_id = devin_id
        self.timeout = timeout
        self.last = last


def _state(session: Any) -> str:
    status = getattr(session, "status", None)
    detail = getattr(session, "status_detail", None) or getattr(session, "status_enum", None)
    return f"{status}/{detail}" if detail is not None else str(status)


def poll_delays(interval: float, max_interval: float) -> Iterator[float]:
    """The waits between polling rounds: ``interval``, growing by half each round, capped."""
    if not 0 < interval <= max_interval:
        raise ValueError(
            f"need 0 < interval <= max_interval, got interval={interval!r}, "
            f"max_interval={max_interval!r}"
        )

    def delays() -> Iterator[float]:
        delay = interval
        while True:
            yield delay
            delay = min(max_interval, delay * _POLL_BACKOFF)

    return delays()


async def poll_until(
    fetch: Fetch[T],
    ids: list[str],
    *,
    until: Callable[[T], bool],
    max_wait: float | None,
    interval: float,
    max_interval: float,
    concurrency: int,
    on_progress: ProgressCallback | None = None,
    sleep: Sleep,
    clock: Now,
) -> Collector[T]:
    """Poll distinct ``ids`` until ``until(session)`` holds for each, it fails, or time is up.

    Each round fetches every session still waiting (bounded concurrency; many per
    request with a ``Chunked`` fetch), sets aside
    those that reached a terminal state or failed, then sleeps with backoff. One wait
    is a round of one, so a single session and ten thousand follow the same rules.
    A failed fetch (after the pipeline's retries) ends that id as ``FAILED``; an id
    still unsettled after ``max_wait`` seconds ends ``TIMED_OUT`` with a
    ``WaitTimeoutError`` and its last seen state as ``value``.
    """
    if max_wait is not None and max_wait < 0:
        raise ValueError(f"max_wait must be >= 0 seconds, got {max_wait!r}")
    delays = poll_delays(interval, max_interval)
    settled: Collector[T] = Collector(
        len(ids), clock, on_progress, per_request=isinstance(fetch, Chunked)
    )
    last: dict[str, T] = {}

    def settle_or_keep(outcome: Outcome[T]) -> None:
        if outcome.ok:
            session = outcome.unwrap()
            if not until(session):  # poll again next round
                settled.count_requests(outcome)
                last[outcome.id] = session
                return
        settled.add(outcome)

    def time_left() -> float | None:
        return None if max_wait is None else max_wait - (clock() - settled.started)

    waiting = ids
    while waiting:
        # Time is checked between rounds: a poll in flight is bounded by its own timeout.
        left = time_left()
        if left is not None and left <= 0:
            break
        await fetch_all(
            fetch,
            waiting,
            concurrency=concurrency,
            on_outcome=settle_or_keep,
            on_sent=settled.sent,
        )
        waiting = [devin_id for devin_id in waiting if devin_id not in settled]
        if waiting:
            left = time_left()
            await sleep(next(delays) if left is None else max(0.0, min(next(delays), left)))
    for devin_id in waiting:
        seen = last.get(devin_id)
        error = WaitTimeoutError(devin_id, max_wait or 0.0, seen)
        settled.add(Outcome(devin_id, OutcomeStatus.TIMED_OUT, seen, error))
    return settled
