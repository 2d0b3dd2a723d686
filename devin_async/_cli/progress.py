"""A progress bar on stderr for bulk commands and waits; nothing when stderr is no terminal."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, Protocol, TextIO

__all__ = ["Bar", "PlainBar", "SilentBar", "describe_bad"]

_REDRAW_EVERY = 0.1  # seconds: a fan-out reports thousands of ids a second
_TICK = 1.0  # redraw at least this often, so a long wait shows its time going by
_CELLS = 24


class Bar(Protocol):
    def update(self, done: int, failed: int = 0, timed_out: int = 0) -> None: ...

    def report(self, report: Any) -> None:
        """A fan-out's ``on_progress``: takes its ``BulkReport``."""

    def clear(self) -> None:
        """Rub the bar out (before a line goes to the same terminal); the next update
        draws it again."""

    def close(self) -> None: ...


def describe_bad(failed: int, timed_out: int) -> str:
    """``  2 failed  1 timed out``: the ids that did not succeed, if any."""
    return (f"  {failed} failed" if failed else "") + (
        f"  {timed_out} timed out" if timed_out else ""
    )


class SilentBar:
    """The bar when stderr is not a terminal, or with ``--no-progress``."""

    def update(self, done: int, failed: int = 0, timed_out: int = 0) -> None:
        pass

    def report(self, report: Any) -> None:
        pass

    def clear(self) -> None:
        pass

    def close(self) -> None:
        pass


class PlainBar:
    """``waiting  [#########---------]  3/8  1 failed  12s`` on one line, redrawn in place."""

    def __init__(
        self,
        stream: TextIO,
        label: str,
        total: int | None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._stream = stream
        self._label = label
        self._total = total
        self._clock = clock
        self._started = clock()
        self._drawn_at = float("-inf")
        self._done = self._failed = self._timed_out = 0
        self._shown = False
        self._timer: asyncio.TimerHandle | None = None
        try:
            self._loop: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            self._loop = None
        self._schedule_tick()

    def report(self, report: Any) -> None:
        self.update(report.done, report.failed, report.timed_out)

    def update(self, done: int, failed: int = 0, timed_out: int = 0) -> None:
        self._done, self._failed, self._timed_out = done, failed, timed_out
        now = self._clock()
        if now - self._drawn_at >= _REDRAW_EVERY or done == self._total:
            self._draw(now)

    def line(self, now: float) -> str:
        """The bar's text at time ``now``."""
        done, total = self._done, self._total
        if total:
            filled = min(_CELLS, _CELLS * done // total)
            count = f"[{'#' * filled}{'-' * (_CELLS - filled)}]  {done}/{total}"
        else:
            count = f"{done}"
        bad = describe_bad(self._failed, self._timed_out)
        return f"{self._label}  {count}{bad}  {now - self._started:.0f}s"

    def _draw(self, now: float) -> None:
        self._drawn_at = now
        self._shown = True
        self._stream.write("\r" + self.line(now) + "\x1b[K")
        self._stream.flush()

    def _schedule_tick(self) -> None:
        if self._loop is not None:
            self._timer = self._loop.call_later(_TICK, self._tick)

    def _tick(self) -> None:
        self._draw(self._clock())
        self._schedule_tick()

    def clear(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False
            self._drawn_at = float("-inf")

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.clear()
