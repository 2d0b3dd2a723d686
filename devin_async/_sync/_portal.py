"""A private event loop in a daemon thread that blocking callers hand coroutines to."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Generic, TypeVar

from .._errors import ClientUsageError

__all__ = ["Portal"]

T = TypeVar("T")

# How long an interrupted caller waits for its cancelled task to unwind before re-raising.
CANCEL_GRACE_SECONDS = 5.0


async def _awaited(fn: Callable[[], Awaitable[T]]) -> T:
    return await fn()


async def _first(make: Callable[[], AsyncIterator[T]]) -> AsyncIterator[T]:
    return make().__aiter__()


def _run_until_stopped(loop: asyncio.AbstractEventLoop, serving: object) -> None:
    # ``serving`` stays referenced by this frame until the loop stops, so that when its
    # owner is garbage-collected the shutdown it schedules can still close it cleanly.
    try:
        loop.run_forever()
    finally:
        loop.close()


class _Handoff(Generic[T]):
    """One blocking call: the loop thread fills in the outcome, the caller waits on ``done``.

    ``done`` is released inside the task itself rather than by a done-callback, which
    would cost the waiting thread one more loop iteration per call.
    """

    __slots__ = ("done", "error", "finished", "result", "task")

    def __init__(self) -> None:
        # A bare lock, held until the outcome is in: cheaper than an Event on every call,
        # and acquiring it is interruptible by signals (Ctrl-C) on POSIX.
        self.done = threading.Lock()
        self.done.acquire()
        self.finished = False
        self.error: BaseException | None = None
        self.task: asyncio.Task[None] | None = None

    def start(self, loop: asyncio.AbstractEventLoop, fn: Callable[[], Awaitable[T]]) -> None:
        self.task = loop.create_task(self._run(fn))

    async def _run(self, fn: Callable[[], Awaitable[T]]) -> None:
        try:
            self.result = await fn()
        except BaseException as exc:  # CancelledError too: the caller re-raises it
            self.error = exc
        finally:
            self._finish()

    def cancel(self) -> None:
        assert self.task is not None
        self.task.cancel()
        # A task cancelled before its first step never runs ``_run``'s finally.
        self.task.add_done_callback(self._finish)

    def _finish(self, *_: object) -> None:
        # Only ever called on the loop thread, so the flag needs no lock.
        if not self.finished:
            self.finished = True
            self.done.release()

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
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    @property
    def is_running(self) -> bool:
        return self._loop is not None

    def _loop_for_caller(self) -> asyncio.AbstractEventLoop:
        if self._thread is not None and threading.current_thread() is self._thread:
            # Waiting here would block the very loop that has to produce the answer.
            raise ClientUsageError(
                "a blocking Devin call was made from the client's own event loop thread "
                "(e.g. in a middleware or callback); use AsyncDevin and 'await' there instead"
            )
        if self._loop is not None:
            return self._loop
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                self._thread = threading.Thread(
                    target=_run_until_stopped,
                    args=(self._loop, self._serving),
                    name=self._name,
                    daemon=True,
                )
                self._thread.start()
            return self._loop

    def call(self, fn: Callable[[], Awaitable[T]]) -> T:
        """Run ``fn()`` on the loop and wait; an interrupt (Ctrl-C) cancels it there."""
        loop = self._loop_for_caller()
        handoff: _Handoff[T] = _Handoff()
        loop.call_soon_threadsafe(handoff.start, loop, fn)
        try:
            handoff.done.acquire()
        except BaseException:
            # Callbacks run in order, so ``start`` has run before this cancel does.
            loop.call_soon_threadsafe(handoff.cancel)
            handoff.done.acquire(timeout=CANCEL_GRACE_SECONDS)
            raise
        return handoff.outcome()

    def iterate(self, make: Callable[[], AsyncIterator[T]]) -> Iterator[T]:
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
        self, last: Callable[[], Awaitable[object]] | None = None, *, wait: bool = True
    ) -> None:
        """Cancel what is in flight, run ``last()`` (e.g. closing sessions), stop the loop.

        With ``wait=False``, or from the loop's own thread, it is scheduled, not awaited.
        """
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is None or thread is None:
            return

        async def shut_down() -> None:
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
