"""Bounded-concurrency fan-out: one call per id, every id accounted for exactly once.

A fixed pool of ``concurrency`` workers pulls ids one at a time, so an iterator of any
length is consumed lazily and no more than ``concurrency`` calls are ever alive. Each
id ends as exactly one ``Outcome``: a value, an error, or timed out at the batch
deadline. How often an id was tried is counted by ``AttemptCounter``, the innermost
pipeline layer, and its 429s by the rate limiter, through the ``Tally`` each worker
sets in a context variable (``_tally.py``) and resets per id.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import enum
import time
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Sized,
)
from typing import Any, Generic, TypeVar, cast

import attrs

from .._errors import APITimeoutError, ClientUsageError, ConfigurationError, DevinError
from .._frozen import filler
from .._pipeline.attempts import TALLY, Tally

__all__ = [
    "BulkError",
    "BulkIterator",
    "BulkReport",
    "BulkResult",
    "Outcome",
    "OutcomeStatus",
]

T = TypeVar("T")
R = TypeVar("R")

Sleep = Callable[[float], Awaitable[Any]]
Now = Callable[[], float]
ProgressCallback = Callable[["BulkReport"], object]


class OutcomeStatus(enum.Enum):
    OK = "ok"
    FAILED = "failed"
    TIMED_OUT = "timed_out"


@attrs.frozen(slots=True)
class Outcome(Generic[T]):
    """What became of one id: its ``value``, or the ``error`` that ended it.

    ``attempts`` counts the HTTP requests sent for it (retries included) and
    ``rate_limited`` how many of them were answered 429.
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
    """Counts for a batch: per outcome, retries and 429s, elapsed seconds, ids per second.

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


_OK, _FAILED = OutcomeStatus.OK, OutcomeStatus.FAILED

# Failures of the client rather than of one id: every id would fail the same way.
_CLIENT_ERRORS = (ConfigurationError, ClientUsageError)


_new_outcome = filler(Outcome)


def _timed_out(devin_id: str, deadline: float, *, started: bool) -> Outcome[Any]:
    error = APITimeoutError(
        f"the batch deadline of {deadline:g}s passed before {devin_id} finished"
        + ("" if started else " (it was never sent)"),
        sent=started,
    )
    return Outcome(devin_id, OutcomeStatus.TIMED_OUT, None, error)


def _not_one_str(ids: object) -> None:
    # A str is iterable too: "devin-abc" would fan out over its letters.
    if isinstance(ids, str):
        raise TypeError("ids must be an iterable of ids, not a single str")


def _check_id(devin_id: object) -> str:
    if not isinstance(devin_id, str):
        raise TypeError(f"every id must be a str, got {type(devin_id).__name__}: {devin_id!r}")
    return devin_id


def check_concurrency(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be an int >= 1, got {concurrency!r}")
    return concurrency


class _Ids:
    """Ids handed out one at a time to the workers, validated as they are taken."""

    def __init__(self, ids: Iterable[str] | AsyncIterable[str]):
        _not_one_str(ids)
        self._sync = None if isinstance(ids, AsyncIterable) else iter(ids)
        self._async = ids.__aiter__() if isinstance(ids, AsyncIterable) else None
        self._lock = asyncio.Lock()  # an async iterator must not be entered twice at once
        self._exhausted = False

    @property
    def is_sync(self) -> bool:
        return self._sync is not None

    def next_now(self) -> str | None:
        """``next()`` for a plain iterable, without a coroutine (the fan-out hot path)."""
        assert self._sync is not None
        if self._exhausted:
            return None
        devin_id = next(self._sync, None)
        return devin_id if devin_id.__class__ is str else self._checked(devin_id)

    async def next(self) -> str | None:
        """The next id, or ``None`` once there are no more."""
        if self._exhausted:
            return None
        if self._sync is not None:
            return self._checked(next(self._sync, None))
        assert self._async is not None
        async with self._lock:
            return self._checked(await anext(self._async, None))

    def _checked(self, devin_id: object) -> str | None:
        if devin_id is None:
            self._exhausted = True
            return None
        return _check_id(devin_id)


class _Wakeup:
    """A reusable one-shot signal: ``wait()`` until the next ``set()``; any number may wait."""

    __slots__ = ("_future", "_loop")

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self._loop = loop
        self._future: asyncio.Future[None] | None = None

    def set(self) -> None:
        if self._future is not None:
            if not self._future.done():
                self._future.set_result(None)
            self._future = None

    async def wait(self) -> None:
        if self._future is None:
            self._future = self._loop.create_future()
        await self._future


@attrs.frozen
class TwoStep(Generic[R, T]):
    """A fetch in two steps: ``start(id)`` sends, ``finish(answer)`` turns the answer
    into the value. The worker awaits ``start`` itself, so no coroutine wraps the two:
    every suspension of a request passes through each frame that awaits it."""

    start: Callable[[str], Awaitable[R]]
    finish: Callable[[R], T]


# What a fan-out calls per id: a coroutine function, or a TwoStep.
Fetch = Callable[[str], Awaitable[T]] | TwoStep[Any, T]


class _Pool(Generic[T]):
    """``concurrency`` workers fetching ids from one source; each outcome goes to ``on_outcome``.

    ``max_backlog`` bounds the ids taken but not yet ``release()``d by the consumer
    (``None``: the callback consumes them at once). ``changed`` fires when a worker ends
    or the deadline passes; ``on_outcome`` fires it too if its consumer waits on it.
    A consumer that keeps first-try successes apart (``Settled``) takes them through
    ``on_first_try(id, value)``, without an ``Outcome`` built per id.
    """

    def __init__(
        self,
        fetch: Fetch[T],
        ids: Iterable[str] | AsyncIterable[str],
        *,
        concurrency: int,
        deadline: float | None,
        sleep: Sleep,
        on_outcome: Callable[[Outcome[T]], object],
        max_backlog: int | None,
        on_first_try: Callable[[str, T], object] | None = None,
    ):
        check_concurrency(concurrency)
        if deadline is not None and deadline < 0:
            raise ValueError(f"deadline must be >= 0 seconds, got {deadline!r}")
        self._source = _Ids(ids)
        if isinstance(ids, Sized):  # no idle workers for a short batch
            concurrency = max(1, min(concurrency, len(ids)))
        loop = asyncio.get_running_loop()
        self._fetch = fetch
        self._on_outcome = on_outcome
        self._on_first_try = on_first_try
        self._max_backlog = max_backlog
        self._deadline = deadline
        self._room = _Wakeup(loop)
        self.changed = _Wakeup(loop)
        self.backlog = 0  # ids taken, not yet released by the consumer (with max_backlog)
        self.in_flight: list[str | None] = [None] * concurrency
        self.running = concurrency
        self.expired = False
        self.failure: BaseException | None = None
        self._tasks = [loop.create_task(self._work(slot)) for slot in range(concurrency)]
        for task in self._tasks:
            task.add_done_callback(self._worker_done)
        if deadline is not None:
            timer = asyncio.ensure_future(sleep(deadline))
            timer.add_done_callback(self._deadline_passed)
            self._tasks.append(timer)

    @property
    def settled(self) -> bool:
        return self.expired or self.failure is not None or not self.running

    def release(self) -> None:
        """The consumer took one outcome: a worker may take another id."""
        self.backlog -= 1
        self._room.set()

    async def _work(self, slot: int) -> None:
        limit = self._max_backlog
        source = self._source
        take = source.next_now if source.is_sync else None
        on_outcome, in_flight = self._on_outcome, self.in_flight
        fetch = self._fetch
        start, finish = (fetch.start, fetch.finish) if isinstance(fetch, TwoStep) else (fetch, None)
        first_try = self._on_first_try
        # Callbacks run outside the tally's context, so that a task they start (say, a
        # follow-up request from on_progress) is never counted against a later id.
        callbacks = contextvars.copy_context()
        # Set once per worker (each task runs in its own copy of the context) and reset
        # per id: a ContextVar.set per id makes garbage that costs the GC more than
        # the set itself (about 1 extra collection every 400 ids).
        tally = Tally()
        TALLY.set(tally)
        while True:
            if limit is not None:
                while self.backlog >= limit:  # the consumer is behind
                    await self._room.wait()
                self.backlog += 1
            devin_id = take() if take is not None else await source.next()
            if devin_id is None:
                return
            in_flight[slot] = devin_id
            tally.attempts = tally.rate_limited = 0
            error: Exception | None
            try:
                value = await start(devin_id)
                if finish is not None:
                    value = finish(value)
            except _CLIENT_ERRORS:
                raise  # the client itself cannot work (no key, no org id): stop the batch
            except Exception as exc:  # one id's failure never aborts the batch
                status, value, error = _FAILED, None, exc
            else:
                status, error = _OK, None
            in_flight[slot] = None
            attempts, rate_limited = tally.attempts, tally.rate_limited
            if first_try is not None and error is None and attempts == 1 and not rate_limited:
                callbacks.run(first_try, devin_id, value)  # type: ignore[arg-type]  # no error
            else:
                outcome = _new_outcome(devin_id, status, value, error, attempts, rate_limited)
                callbacks.run(on_outcome, outcome)

    def _worker_done(self, task: asyncio.Task[None]) -> None:
        self.running -= 1
        if not task.cancelled() and task.exception() is not None:
            self.failure = task.exception()  # bad ids, or on_outcome failed: stop the batch
        self.changed.set()

    def _deadline_passed(self, timer: asyncio.Future[Any]) -> None:
        if not timer.cancelled():
            self.expired = True
            self.changed.set()

    async def halt(self) -> list[Outcome[Any]]:
        """After the deadline: stop the workers; what was in flight comes back timed out."""
        assert self._deadline is not None
        cut = [devin_id for devin_id in self.in_flight if devin_id is not None]
        await self.stop()
        return [_timed_out(devin_id, self._deadline, started=True) for devin_id in cut]

    async def unsent(self) -> AsyncIterator[Outcome[Any]]:
        """After the deadline: every id never sent, as timed out."""
        assert self._deadline is not None
        while (devin_id := await self._source.next()) is not None:
            yield _timed_out(devin_id, self._deadline, started=False)

    async def stop(self) -> None:
        """Cancel the workers (and the deadline) and wait until each has unwound."""
        pending = [task for task in self._tasks if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


async def fetch_all(
    fetch: Fetch[T],
    ids: Iterable[str] | AsyncIterable[str],
    *,
    concurrency: int,
    on_outcome: Callable[[Outcome[T]], object],
    deadline: float | None = None,
    sleep: Sleep = asyncio.sleep,
    on_first_try: Callable[[str, T], object] | None = None,
) -> None:
    """``fetch`` every id, at most ``concurrency`` at a time, handing each outcome to
    ``on_outcome`` (or a first-try success to ``on_first_try``, if given) as it comes;
    returns once every id has one.

    The caller sleeps until the batch is over: no wake-up per outcome. At ``deadline``
    seconds the calls in flight are cancelled; they and every id not yet started come
    back ``TIMED_OUT``. Cancelling the caller cancels the calls in flight.
    """
    pool = _Pool(
        fetch,
        ids,
        concurrency=concurrency,
        deadline=deadline,
        sleep=sleep,
        on_outcome=on_outcome,
        max_backlog=None,
        on_first_try=on_first_try,
    )
    try:
        while not pool.settled:
            await pool.changed.wait()
        if pool.failure is not None:
            raise pool.failure
        if pool.expired:
            for outcome in await pool.halt():
                on_outcome(outcome)
            async for outcome in pool.unsent():
                on_outcome(outcome)
    finally:
        await pool.stop()


async def fan_out(
    fetch: Fetch[T],
    ids: Iterable[str] | AsyncIterable[str],
    *,
    concurrency: int,
    deadline: float | None = None,
    sleep: Sleep = asyncio.sleep,
) -> AsyncIterator[Outcome[T]]:
    """``fetch_all`` as an iterator of outcomes in completion order.

    Workers never run more than ``2 * concurrency`` ids ahead of the consumer, so
    memory stays flat for any number of ids. Closing the iterator (or cancelling its
    consumer) cancels the calls in flight and waits for them to unwind.
    """
    ready: collections.deque[Outcome[T]] = collections.deque()

    def on_outcome(outcome: Outcome[T]) -> None:
        ready.append(outcome)
        pool.changed.set()

    pool = _Pool(
        fetch,
        ids,
        concurrency=concurrency,
        deadline=deadline,
        sleep=sleep,
        on_outcome=on_outcome,
        max_backlog=2 * concurrency,
    )
    try:
        while True:
            if pool.failure is not None:
                raise pool.failure
            if pool.expired:
                break
            if ready:
                yield ready.popleft()
                pool.release()
            elif not pool.running:
                break
            else:
                await pool.changed.wait()
        if pool.expired:
            cut = await pool.halt()
            while ready:  # finished before the deadline: keep the real outcome
                yield ready.popleft()
            for outcome in cut:
                yield outcome
            async for outcome in pool.unsent():
                yield outcome
    finally:
        await pool.stop()


@attrs.define
class _Stats:
    """Running counts of a batch, snapshotted into ``BulkReport``s."""

    total: int | None
    clock: Now
    started: float = attrs.field(init=False)
    succeeded: int = 0
    failed: int = 0
    timed_out: int = 0
    retries: int = 0
    rate_limited: int = 0

    def __attrs_post_init__(self) -> None:
        self.started = self.clock()

    def count_requests(self, outcome: Outcome[Any]) -> None:
        self.retries += max(0, outcome.attempts - 1)
        self.rate_limited += outcome.rate_limited

    def count(self, outcome: Outcome[Any], on_progress: ProgressCallback | None) -> None:
        """Count a final outcome, then tell ``on_progress``."""
        self.count_requests(outcome)
        if outcome.status is _OK:
            self.succeeded += 1
        elif outcome.status is _FAILED:
            self.failed += 1
        else:
            self.timed_out += 1
        if on_progress is not None:
            on_progress(self.report())

    def count_first_try(self, on_progress: ProgressCallback) -> None:
        """``count`` for a success at the first attempt, without its ``Outcome``; with
        no ``on_progress`` to tell, count them all at the end (``count_first_tries``)."""
        self.succeeded += 1
        on_progress(self.report())

    def count_first_tries(self, settled: Settled[Any]) -> None:
        """Count at once the first-try successes that ``count_first_try`` never saw."""
        self.succeeded += settled.first_tries

    def report(self) -> BulkReport:
        return BulkReport(
            total=self.total,
            succeeded=self.succeeded,
            failed=self.failed,
            timed_out=self.timed_out,
            retries=self.retries,
            rate_limited=self.rate_limited,
            elapsed=self.clock() - self.started,
        )


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
        _not_one_str(ids)
        self._stats = _Stats(total, clock)
        self._on_progress = on_progress
        self._outcomes = fan_out(
            fetch, ids, concurrency=concurrency, deadline=deadline, sleep=sleep
        )

    @property
    def report(self) -> BulkReport:
        return self._stats.report()

    def __aiter__(self) -> BulkIterator[T]:
        return self

    async def __anext__(self) -> tuple[str, Outcome[T]]:
        outcome = await self._outcomes.__anext__()
        self._stats.count(outcome, self._on_progress)
        return outcome.id, outcome

    async def aclose(self) -> None:
        """Stop: cancel the calls in flight and wait for them to unwind."""
        await self._outcomes.aclose()  # type: ignore[attr-defined]

    async def __aenter__(self) -> BulkIterator[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class Settled(Generic[T]):
    """Final outcomes by id. A success at the first attempt, the usual case, is kept as
    its bare value: an ``Outcome`` object per id would make the garbage collector run
    more often while a batch holds thousands of results."""

    def __init__(self) -> None:
        self._plain: dict[str, T] = {}
        self._other: dict[str, Outcome[T]] = {}
        # ``add`` for a success at the first attempt, given without its ``Outcome``:
        # the dict's own method, so that storing one costs no Python frame.
        self.add_first_try: Callable[[str, T], None] = self._plain.__setitem__

    def add(self, outcome: Outcome[T]) -> None:
        if outcome.attempts == 1 and outcome.status is _OK and not outcome.rate_limited:
            self.add_first_try(outcome.id, outcome.value)  # type: ignore[arg-type]
        else:
            self._other[outcome.id] = outcome

    @property
    def first_tries(self) -> int:
        """How many ids succeeded at their first attempt."""
        return len(self._plain)

    def __contains__(self, devin_id: str) -> bool:
        return devin_id in self._plain or devin_id in self._other

    def outcome(self, devin_id: str) -> Outcome[T]:
        if devin_id in self._plain:
            return Outcome(devin_id, _OK, self._plain[devin_id], None, 1, 0)
        return self._other[devin_id]

    def finish(self, ids: list[str], report: BulkReport, *, on_error: str) -> BulkResult[Any]:
        """Outcomes back in input order: values (raising ``BulkError`` if any id failed),
        or, with ``on_error="return"``, the ``Outcome``s themselves."""
        if on_error == "raise" and not (report.failed or report.timed_out):
            plain, other = self._plain, self._other
            return BulkResult([plain[i] if i in plain else other[i].value for i in ids], report)
        ordered = [self.outcome(devin_id) for devin_id in ids]
        if on_error == "return":
            return BulkResult(ordered, report)
        raise BulkError(ordered, report)


def check_on_error(on_error: str) -> str:
    if on_error not in ("raise", "return"):
        raise ValueError(f"on_error must be 'raise' or 'return', got {on_error!r}")
    return on_error


def distinct_ids(ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """The ids as given (validated) and each distinct id once, in first-seen order."""
    _not_one_str(ids)
    given = [_check_id(devin_id) for devin_id in ids]
    return given, list(dict.fromkeys(given))
