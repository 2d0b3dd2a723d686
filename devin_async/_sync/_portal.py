"""A private event loop in a daemon thread that blocking callers hand coroutines to."""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar

from .._errors import ClientUsageError
from ._wakeup import Wakeup, borrow, give_back

__all__ = ["Portal"]

T = TypeVar("T")

# How long an interrupted caller waits for its cancelled task to unwind before re-raising.
CANCEL_GRACE_SECONDS = 5.0


async def _awaited(fn: Callable[[], Awaitable[T]]) -> T:
    return await fn()


async def _first(make: Callable[[], AsyncIterator[T]]) -> AsyncIterator[T]:
    return make().__aiter__()


_CLOSED = "the Devin client was closed while this call was waiting or in flight"
CLOSED_CLIENT = (
    "this Devin client is closed: make a new one for more calls "
    "('with Devin() as client:' closes each when done)"
)


class _LoopState:
    """One loop's life: the calls handed to it, and whether it still takes new ones.

    Every call is either run, or failed with ``ClientUsageError``: never dropped, never
    left waiting. No lock orders a caller against the loop's end (a signal handler that
    makes a blocking call can run while its thread holds one, and would wait forever for
    the loop thread to take it): a caller adds its call to ``submitted`` before it looks
    at ``closed``, and the loop's end sets ``closed`` before it fails what is in
    ``submitted``, so one of the two fails a call that came too late.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.submitted: set[_Handoff[Any]] = set()
        self.stopping = False  # set on the loop thread when shutdown begins
        self.closed = False  # set once the loop runs no more callbacks


def _run_until_stopped(state: _LoopState, serving: object) -> None:
    # ``serving`` stays referenced by this frame until the loop stops, so that when its
    # owner is garbage-collected the shutdown it schedules can still close it cleanly.
    try:
        state.loop.run_forever()
    finally:
        state.closed = True
        for handoff in list(state.submitted):  # handed over while the loop was stopping
            handoff.fail(ClientUsageError(_CLOSED))
        state.loop.close()


class _Handoff(Generic[T]):
    """One blocking call: the loop thread fills in the outcome, then wakes the caller.

    The caller is woken from inside the task rather than by a done-callback, which
    would cost it one more loop iteration per call. Two hold the wake-up: the caller
    until it stops waiting, the call until it finishes; the second to let go gives it
    back. ``list.pop`` is what makes each step happen once (atomic with or without a GIL).
    """

    __slots__ = ("error", "finished", "holders", "result", "state", "task", "unfinished", "wakeup")

    def __init__(self, state: _LoopState) -> None:
        self.state = state
        self.wakeup: Wakeup = borrow()
        self.finished = False
        self.unfinished = [True]  # popped by the one ``_finish`` that counts
        self.holders = [True, False]  # popped by each holder: the second gets True
        self.error: BaseException | None = None
        self.task: asyncio.Task[None] | None = None

    def start(self, fn: Callable[[], Awaitable[T]]) -> None:
        """On the loop thread (the loop is not thread-safe): begin the call."""
        if self.state.stopping:  # handed over after shutdown began: the client is gone
            self.fail(ClientUsageError(_CLOSED))
            return
        if sys.version_info >= (3, 12):
            # Its first step runs now, in the iteration the caller's wake-up ends, not
            # one iteration later as a task made here would: on the blocking client's
            # per-call latency, that iteration is what made handing over costly.
            self.task = asyncio.Task(self.run(fn), loop=self.state.loop, eager_start=True)
        else:
            self.task = self.state.loop.create_task(self.run(fn))

    async def run(self, fn: Callable[[], Awaitable[T]]) -> None:
        # Set here too: an eager start runs this before ``start`` has the task.
        self.task = asyncio.current_task(self.state.loop)
        try:
            self.result = await fn()
        except asyncio.CancelledError as exc:  # by Ctrl-C (re-raised there) or by close()
            self.error = ClientUsageError(_CLOSED) if self.state.stopping else exc
        except BaseException as exc:
            self.error = exc
        finally:
            self._finish()

    def fail(self, error: BaseException) -> None:
        self.error = error
        self._finish()

    def cancel(self) -> None:
        if self.task is None:  # refused at start, or never made (an interrupt came first)
            self._finish()
            return
        self.task.cancel()
        # A task cancelled before its first step never runs ``run``'s finally.
        self.task.add_done_callback(self._finish)

    def _finish(self, *_: object) -> None:
        try:
            self.unfinished.pop()
        except IndexError:  # finished already
            return
        self.finished = True
        self.state.submitted.discard(self)
        self.wakeup.set()
        self.let_go()

    def let_go(self) -> None:
        """One holder is done with the wake-up; the second gives it back."""
        if self.holders.pop():
            give_back(self.wakeup)

    def is_finished(self) -> bool:
        return self.finished

    def outcome(self) -> T:
        if self.error is not None:
            error, self.error = self.error, None
            raise error
        return self.result


class Portal:
    """One event loop, started lazily in a daemon thread; ``call`` blocks until a result."""

    def __init__(self, name: str = "devin-portal", *, serving: object = None):
        self._name = name
        self._serving = serving
        self._lock = threading.Lock()
        self._state: _LoopState | None = None
        self._thread: threading.Thread | None = None
        self._final = False  # stopped for good: no new loop is started for a late call

    @property
    def is_running(self) -> bool:
        return self._state is not None

    @property
    def _loop(self) -> asyncio.AbstractEventLoop | None:
        return None if self._state is None else self._state.loop

    def _state_for_caller(self) -> _LoopState:
        if self._thread is not None and threading.current_thread() is self._thread:
            # Waiting here would block the very loop that has to produce the answer.
            raise ClientUsageError(
                "a blocking Devin call was made from the client's own event loop thread "
                "(e.g. in a middleware or callback); use AsyncDevin and 'await' there instead"
            )
        state = self._state
        if state is not None:
            return state
        with self._lock:
            if self._final:
                raise ClientUsageError(CLOSED_CLIENT)
            if self._state is None:
                self._state = _LoopState(asyncio.new_event_loop())
                self._thread = threading.Thread(
                    target=_run_until_stopped,
                    args=(self._state, self._serving),
                    name=self._name,
                    daemon=True,
                )
                self._thread.start()
            return self._state

    def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run ``fn()`` on the loop and wait; an interrupt (Ctrl-C) cancels it there."""
        state = self._state_for_caller()
        handoff: _Handoff[T] = _Handoff(state)
        loop = state.loop
        # An interrupt lands between any two bytecodes (and waking the loop releases the
        # GIL): once the call is handed over, whatever it interrupts must cancel it.
        submitted = False
        try:
            submitted = True  # before the hand-over, so no interrupt can fall between
            state.submitted.add(handoff)  # before looking at ``closed``: see _LoopState
            if state.closed or state.stopping:
                handoff.fail(ClientUsageError(_CLOSED))
            else:
                # Only the loop's own thread may touch it (asyncio is not thread-safe,
                # and without the GIL nothing else would keep its queues whole): this
                # queues ``start`` for it and wakes it.
                try:
                    loop.call_soon_threadsafe(handoff.start, fn)
                except RuntimeError:  # closed meanwhile (its end failed the call already)
                    handoff.fail(ClientUsageError(_CLOSED))
            handoff.wakeup.wait_until(handoff.is_finished)
        except BaseException:
            if submitted:
                try:  # callbacks run in order, so ``start`` has run before this cancel does
                    loop.call_soon_threadsafe(handoff.cancel)
                except RuntimeError:  # the loop has ended: nothing runs there any more
                    handoff.fail(ClientUsageError(_CLOSED))
                handoff.wakeup.wait_until(handoff.is_finished, timeout=CANCEL_GRACE_SECONDS)
            raise
        finally:
            if submitted:
                handoff.let_go()
            else:  # interrupted before anyone else knew of it
                give_back(handoff.wakeup)
        return handoff.outcome()

    def iterate(self, make: Callable[[], AsyncIterator[T]]) -> Generator[T, None, None]:
        """The items of ``make()``, each fetched only when the consumer asks (backpressure)."""
        source = self.call(lambda: _first(make))
        exhausted = False
        try:
            while True:
                try:
                    item = self.call(source.__anext__)
                except StopAsyncIteration:
                    exhausted = True
                    return
                yield item
        finally:
            close = getattr(source, "aclose", None)
            if not exhausted and close is not None:
                self.spawn(close)

    def spawn(self, fn: Callable[[], Awaitable[object]]) -> None:
        """Start ``fn()`` on the loop without waiting (safe from any thread, even its own)."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(lambda: loop.create_task(_awaited(fn)))

    def stop(
        self,
        last: Callable[[], Awaitable[object]] | None = None,
        *,
        wait: bool = True,
        final: bool = False,
    ) -> None:
        """Cancel what is in flight, run ``last()`` (e.g. closing sessions), stop the loop;
        ``final``: for good, later calls raise ``ClientUsageError``.

        With ``wait=False``, or from the loop's own thread, it is scheduled, not awaited.
        """
        with self._lock:
            self._final = self._final or final
            state, thread = self._state, self._thread
            self._state = self._thread = None
        if state is None or thread is None:
            return
        loop = state.loop

        async def shut_down() -> None:
            state.stopping = True  # calls handed over from now on fail, not start
            try:
                others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
                for task in others:
                    task.cancel()
                await asyncio.gather(*others, return_exceptions=True)
                if last is not None:
                    await last()
                await loop.shutdown_asyncgens()
            finally:
                loop.stop()

        loop.call_soon_threadsafe(lambda: loop.create_task(shut_down()))
        if wait and threading.current_thread() is not thread:
            thread.join()
