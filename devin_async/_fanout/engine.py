"""The worker pool: ``concurrency`` workers fetch ids, each id ends as exactly one ``Outcome``."""

from __future__ import annotations

import asyncio
import collections
import contextvars
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Sized
from typing import Any, Generic, TypeVar

import attrs

from .._errors import APITimeoutError, ClientUsageError, ConfigurationError
from .._frozen import filler
from .._pipeline.attempts import TALLY, Tally
from .chunks import Answer, Chunked
from .ids import IdSource
from .results import Outcome, OutcomeStatus

__all__ = ["Fetch", "OnSent", "Sleep", "TwoStep", "check_concurrency", "fan_out", "fetch_all"]

T = TypeVar("T")
R = TypeVar("R")

Sleep = Callable[[float], Awaitable[Any]]
# Told of every request a chunked fetch sends: its attempts and how many were 429s.
OnSent = Callable[[int, int], object]

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


def check_concurrency(concurrency: int) -> int:
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise ValueError(f"concurrency must be an int >= 1, got {concurrency!r}")
    return concurrency


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


# What a fan-out calls per id: a coroutine function, or a TwoStep; or, to fetch many
# ids per request, a Chunked.
Fetch = Callable[[str], Awaitable[T]] | TwoStep[Any, T] | Chunked[T]


class _Pool(Generic[T]):
    """``concurrency`` workers fetching ids from one source; each outcome goes to ``on_outcome``.

    Workers pull ids one at a time, so an iterator of any length is consumed lazily and
    no more than ``concurrency`` calls are ever alive. An id ends as a value, an error,
    or timed out at the batch ``deadline``. ``max_backlog`` bounds the ids taken but not
    yet ``release()``d by the consumer (``None``: the callback consumes them at once).
    ``changed`` fires when a worker ends or the deadline passes; ``on_outcome`` fires it
    too if its consumer waits on it. A consumer that keeps first-try successes apart
    (``Collector``) takes them through ``on_first_try(id, value)``, without an
    ``Outcome`` built per id.

    With a ``Chunked`` fetch, a worker takes a chunk of ids at a time and sends one
    request for them; the ids it leaves to be fetched one by one go to a queue every
    worker serves first, and each request is told to ``on_sent``.
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
        on_sent: OnSent | None = None,
    ):
        check_concurrency(concurrency)
        if deadline is not None and deadline < 0:
            raise ValueError(f"deadline must be >= 0 seconds, got {deadline!r}")
        self._source = IdSource(ids)
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
        self.in_flight: list[str | list[str] | None] = [None] * concurrency
        self.running = concurrency
        self.expired = False
        self.failure: BaseException | None = None
        self._on_sent = on_sent
        self._singles: collections.deque[str] = collections.deque()  # left by chunks
        self._chunks_out = 0
        self._more = _Wakeup(loop)  # ids for the singles queue, or a chunk came back
        work = self._work
        if isinstance(fetch, Chunked):
            work = self._work_chunks
            if max_backlog is not None:  # room for every worker's chunk
                self._max_backlog = max(max_backlog, concurrency * fetch.limits.most)
        self._tasks = [loop.create_task(work(slot)) for slot in range(concurrency)]
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
        assert not isinstance(fetch, Chunked)
        start, finish = (fetch.start, fetch.finish) if isinstance(fetch, TwoStep) else (fetch, None)
        first_try = self._on_first_try
        # Callbacks run outside the tally's context, so that a task they start (say, a
        # follow-up request from on_progress) is never counted against a later id.
        callbacks = contextvars.copy_context()
        # How often an id was tried is counted by AttemptCounter, the innermost pipeline
        # layer, and its 429s by the rate limiter, into this worker's Tally. It is set
        # once per worker (each task runs in its own copy of the context) and reset per
        # id: a ContextVar.set per id makes garbage that costs the GC more than the set
        # itself (about 1 extra collection every 400 ids).
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

    async def _work_chunks(self, slot: int) -> None:
        fetch = self._fetch
        assert isinstance(fetch, Chunked)
        limits, source, singles = fetch.limits, self._source, self._singles
        callbacks = contextvars.copy_context()  # as in _work
        tally = Tally()
        TALLY.set(tally)
        while True:
            if singles:
                await self._single(slot, singles.popleft(), fetch, tally, callbacks)
                continue
            most = limits.ids_per_request()
            limit = self._max_backlog
            if limit is not None:
                while self.backlog and self.backlog + most > limit:  # the consumer is behind
                    await self._room.wait()
            chunk = await source.take(most, limits.room, fetch.cost)
            if limit is not None:
                self.backlog += len(chunk)
            if len(chunk) > 1:
                await self._chunk(slot, chunk, fetch, tally, callbacks)
            elif chunk:
                await self._single(slot, chunk[0], fetch, tally, callbacks)
            elif not singles:  # the source is dry: wait for what chunks in flight leave
                if not self._chunks_out:
                    return
                await self._more.wait()

    async def _chunk(
        self,
        slot: int,
        chunk: list[str],
        fetch: Chunked[T],
        tally: Tally,
        callbacks: contextvars.Context,
    ) -> None:
        self.in_flight[slot] = chunk
        self._chunks_out += 1
        tally.attempts = tally.rate_limited = 0
        answer = await fetch.fetch(chunk)
        self.in_flight[slot] = None
        self._chunks_out -= 1
        callbacks.run(self._settle, answer, tally.attempts, tally.rate_limited)
        if answer.again:
            self._source.put_back(answer.again)
            if self._max_backlog is not None:
                self.backlog -= len(answer.again)
                self._room.set()
        self._singles.extend(answer.singly)
        self._more.set()

    def _settle(self, answer: Answer[T], attempts: int, rate_limited: int) -> None:
        """Hand on the outcomes a chunk's request settled."""
        if attempts and self._on_sent is not None:
            self._on_sent(attempts, rate_limited)
        first_try, on_outcome = self._on_first_try, self._on_outcome
        if first_try is not None and attempts == 1 and not rate_limited:
            for devin_id, value in answer.found:
                first_try(devin_id, value)
        else:
            for devin_id, value in answer.found:
                on_outcome(_new_outcome(devin_id, _OK, value, None, attempts, rate_limited))
        for devin_id in answer.failed:
            on_outcome(_new_outcome(devin_id, _FAILED, None, answer.error, attempts, rate_limited))

    async def _single(
        self,
        slot: int,
        devin_id: str,
        fetch: Chunked[T],
        tally: Tally,
        callbacks: contextvars.Context,
    ) -> None:
        """Fetch one id by itself, beside chunks (``_work`` does the same, inline)."""
        self.in_flight[slot] = devin_id
        tally.attempts = tally.rate_limited = 0
        value: Any
        try:
            value = fetch.one.finish(await fetch.one.start(devin_id))
        except _CLIENT_ERRORS:
            raise
        except Exception as exc:
            answer: Answer[T] = Answer(failed=[devin_id], error=exc)
        else:
            answer = Answer(found=[(devin_id, value)])
        self.in_flight[slot] = None
        callbacks.run(self._settle, answer, tally.attempts, tally.rate_limited)

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
        cut: list[str] = []
        for ids in self.in_flight:
            if ids is not None:
                cut.extend((ids,) if isinstance(ids, str) else ids)
        waiting = list(self._singles)  # a chunk left them; their own GET was never sent
        await self.stop()
        deadline = self._deadline
        return [_timed_out(devin_id, deadline, started=True) for devin_id in cut] + [
            _timed_out(devin_id, deadline, started=False) for devin_id in waiting
        ]

    async def unsent(self) -> AsyncIterator[Outcome[Any]]:
        """After the deadline: every id never sent, as timed out."""
        assert self._deadline is not None
        while (devin_id := await self._source.next()) is not None:
            yield _timed_out(devin_id, self._deadline, started=False)

    async def stop(self) -> None:
        """Cancel the workers (and the deadline) and wait until each has unwound."""
        tasks = self._tasks if self._source.pump is None else [*self._tasks, self._source.pump]
        pending = [task for task in tasks if not task.done()]
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
    on_sent: OnSent | None = None,
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
        on_sent=on_sent,
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
    on_sent: OnSent | None = None,
) -> AsyncIterator[Outcome[T]]:
    """``fetch_all`` as an iterator of outcomes in completion order.

    Workers never run more than ``2 * concurrency`` ids ahead of the consumer (with a
    ``Chunked`` fetch, ``concurrency`` full chunks), so memory stays flat for any number
    of ids. Closing the iterator (or cancelling its consumer) cancels the calls in
    flight and waits for them to unwind.
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
        on_sent=on_sent,
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
