"""Real time, sped up: the fake's sessions and the client's waits both run ``speed`` x faster."""

from __future__ import annotations

import asyncio
import time

from .._clock import is_testing

__all__ = ["ScaledClock"]


class ScaledClock:
    """``now()`` in epoch seconds that pass ``speed`` times faster than real ones, from the
    moment the clock is made; ``sleep(s)`` waits ``s / speed`` real seconds (none under
    ``set_testing(True)``, like the real clock)."""

    def __init__(self, speed: float, start: float | None = None):
        if not speed > 0:
            raise ValueError(f"speed must be > 0, got {speed!r}")
        self.speed = speed
        self._start = time.time() if start is None else start
        self._origin = time.monotonic()

    def now(self) -> float:
        return self._start + (time.monotonic() - self._origin) * self.speed

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(0 if is_testing() else max(0.0, seconds) / self.speed)

    def __repr__(self) -> str:
        return f"ScaledClock(speed={self.speed!r})"
