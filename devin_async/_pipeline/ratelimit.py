"""Client-side pacing: a requests/second token bucket, an in-flight cap, and the 429 gate.

The gate is what keeps a client polite under load: one ``429`` with ``Retry-After``
closes it for every request of the client, not only the one that was refused, and
when it opens the waiting requests resume spread over ``resume_jitter`` seconds
instead of all at once.
"""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import Awaitable, Callable
from typing import Any

import attrs

from .._clock import Clock, RealClock
from .._config import DEFAULT_RESUME_JITTER
from .._errors import RateLimitError
from .._http import Handler, Request, Response, StockLayer
from .attempts import TALLY
from .retry_after import parse_retry_after

__all__ = ["RateLimit", "RateLimitMiddleware", "TokenBucket"]


def _positive_or_none(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not (value > 0 and math.isfinite(value)):
        raise ValueError(f"{attribute.name} must be a finite number > 0 or None, got {value!r}")


_int_or_none = attrs.validators.optional(attrs.validators.instance_of(int))


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (value >= 0 and math.isfinite(value)):
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


@attrs.frozen(kw_only=True)
class RateLimit:
    """Client-wide pacing; ``None`` switches a limit off (the default for both).

    ``burst`` is how many requests may go at once before ``requests_per_second``
    applies (default: one second's worth). ``resume_jitter`` spreads the requests
    that waited on a 429 over that many seconds after the server's time.
    """

    requests_per_second: float | None = attrs.field(default=None, validator=_positive_or_none)
    burst: int | None = attrs.field(default=None, validator=[_int_or_none, _positive_or_none])
    max_in_flight: int | None = attrs.field(
        default=None, validator=[_int_or_none, _positive_or_none]
    )
    resume_jitter: float = attrs.field(default=DEFAULT_RESUME_JITTER, validator=_non_negative)


class TokenBucket:
    """Pure pacing state (GCRA): each request reserves the next free slot at arrival.

    Reserving on arrival, not on wake-up, keeps concurrent waiters in order without a lock.
    """

    def __init__(self, rate: float, burst: int):
        self._interval = 1.0 / rate
        self._tolerance = (burst - 1) * self._interval
        self._next_slot = -math.inf

    def reserve(self, now: float) -> float:
        """Seconds the caller must wait before sending, having taken its slot."""
        slot = max(self._next_slot, now)
        self._next_slot = slot + self._interval
        return max(0.0, slot - self._tolerance - now)


_NEVER_CLOSED = -math.inf


class RateLimitMiddleware(StockLayer):
    """Paces requests per ``RateLimit`` and holds all of them while a 429 gate is closed.

    ``max_wait`` caps how long a request waits on the gate; past it the request fails
    at once with ``RateLimitError`` instead of hanging.
    """

    def __init__(
        self,
        limit: RateLimit,
        *,
        max_wait: float,
        clock: Clock | None = None,
        draw: Callable[[], float] = random.random,
    ):
        self.limit = limit
        self._max_wait = max_wait
        self._clock = clock or RealClock()
        self._draw = draw
        self._gate_opens_at = _NEVER_CLOSED
        rate = limit.requests_per_second
        burst = limit.burst or max(1, math.floor(rate or 1))
        self._bucket = TokenBucket(rate, burst) if rate else None
        self._in_flight: asyncio.Semaphore | None = None
        self._in_flight_loop: asyncio.AbstractEventLoop | None = None

    @property
    def gate_opens_at(self) -> float:
        """Clock time before which this client sends nothing (``-inf`` when open)."""
        return self._gate_opens_at

    def handler(self, call_next: Handler) -> Handler:
        async def send(request: Request) -> Response:
            gate = self._gate_opens_at
            if gate != _NEVER_CLOSED and gate > self._clock.now():  # no clock read until a 429
                await self._wait_for_gate(request)
            response = await call_next(request)
            if response.status == 429:
                self._close_gate(response)
                tally = TALLY.get()
                if tally is not None:  # inside a fan-out: its report counts 429s
                    tally.rate_limited += 1
            return response

        # One coroutine frame on the usual path; the pacing machinery only when configured.
        if self.limit.max_in_flight is None and self._bucket is None:
            return send

        def paced(request: Request) -> Awaitable[Response]:
            return self._paced_send(request, send)

        return paced

    def _slots(self, cap: int) -> asyncio.Semaphore:
        # A semaphore binds to the loop it first waits on: one per loop, so a client
        # reused after aclose() on a new loop (asyncio.run twice, Devin restarted) works.
        loop = asyncio.get_running_loop()
        if self._in_flight is None or self._in_flight_loop is not loop:
            self._in_flight, self._in_flight_loop = asyncio.Semaphore(cap), loop
        return self._in_flight

    async def _paced_send(self, request: Request, send: Handler) -> Response:
        cap = self.limit.max_in_flight
        if cap is None:
            return await self._paced(request, send)
        async with self._slots(cap):
            return await self._paced(request, send)

    async def _paced(self, request: Request, send: Handler) -> Response:
        if self._bucket is not None:
            await self._wait_for_gate(request)
            delay = self._bucket.reserve(self._clock.now())
            if delay:
                await self._clock.sleep(delay)
        return await send(request)  # checks the gate again just before

    def _close_gate(self, response: Response) -> None:
        retry_after = parse_retry_after(response.headers)
        if retry_after is not None:
            self._gate_opens_at = max(self._gate_opens_at, self._clock.now() + retry_after)

    async def _wait_for_gate(self, request: Request) -> None:
        clock = self._clock
        while (wait := self._gate_opens_at - clock.now()) > 0:
            if wait > self._max_wait:
                raise RateLimitError(
                    f"{request} not sent: the server asked this client "
                    f"to pause for {wait:g} s more, over the cap of {self._max_wait:g} s",
                    status_code=429,
                    retry_after=wait,
                    method=request.method,
                    path=request.path,
                )
            # Land strictly after the server's time, spread so waiters don't stampede.
            await clock.sleep(wait + self._draw() * self.limit.resume_jitter)
