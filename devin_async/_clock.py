"""Time as the pipeline sees it: a monotonic ``now()`` and an awaitable ``sleep()``.

Retry and rate limiting take a ``Clock`` so tests (ours and users') never wait for
real: inject a ``FakeClock``, or flip ``set_testing(True)`` to make the real clock's
waits return at once, in the spirit of stamina's testing switch.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from typing import Protocol

__all__ = ["Clock", "FakeClock", "RealClock", "is_testing", "set_testing"]

_testing = False


def set_testing(testing: bool) -> None:
    """``True``: every wait of the real clock returns at once (retries still happen)."""
    global _testing
    _testing = testing


def is_testing() -> bool:
    return _testing


class Clock(Protocol):
    """Monotonic seconds and a way to wait for some of them."""

    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class RealClock:
    """``time.monotonic`` and ``asyncio.sleep``, unless ``set_testing(True)``."""

    now = staticmethod(time.monotonic)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0 if _testing else seconds)


# Loop turns a FakeClock lets pass before jumping ahead, so that every task that is
# ready to run gets to register its own wait first and the earliest wait wakes first.
_SETTLE_TURNS = 3


class FakeClock:
    """Virtual time: ``sleep`` never waits for real, and sleepers wake in deadline order.

    When tasks sleep, the clock jumps to the earliest deadline (after letting ready
    tasks run for a few loop turns), wakes that sleeper, and so on. ``advance()``
    moves time by hand. ``sleeps`` records every requested wait, for assertions.
    Time does not pass during real I/O: a request and its answer take zero seconds.
    """

    def __init__(self, start: float = 0.0):
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._ticking = False
        self.sleeps: list[float] = []

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward by hand, waking whoever's deadline has come."""
        if seconds < 0:
            raise ValueError(f"time cannot go backwards ({seconds!r} s)")
        self._now += seconds
        while self._sleepers and self._sleepers[0][0] <= self._now:
            _, _, waiter = heapq.heappop(self._sleepers)
            if not waiter.done():
                waiter.set_result(None)

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._order), waiter))
        if not self._ticking:
            self._ticking = True
            loop.call_soon(self._tick, loop, _SETTLE_TURNS)
        await waiter

    def _tick(self, loop: asyncio.AbstractEventLoop, turns_left: int) -> None:
        if turns_left:
            loop.call_soon(self._tick, loop, turns_left - 1)
            return
        while self._sleepers:
            deadline, _, waiter = heapq.heappop(self._sleepers)
            if waiter.done():  # its task was cancelled
                continue
            self._now = max(self._now, deadline)
            waiter.set_result(None)
            break
        if self._sleepers:
            loop.call_soon(self._tick, loop, _SETTLE_TURNS)
        else:
            self._ticking = False

    def __repr__(self) -> str:
        return f"FakeClock(now={self._now!r}, sleeping={len(self._sleepers)})"
