"""Fault injection for the fake API: make chosen requests fail the way real servers do.

One rule for every rule: its faults hit matching requests in order, once each, and
``times`` says how often that sequence plays (1 by default, ``None`` for ever):

    fake.faults.add(ErrorStatus(503))                                    # one 503, then pass
    fake.faults.add(ErrorStatus(503), ErrorStatus(503), path="/v3/")     # 503, 503, then pass
    fake.faults.add(ErrorStatus(500), times=3)                           # 500, 500, 500
    fake.faults.add(ErrorStatus(429, retry_after=1), probability=0.1, times=None)  # 10 %, seeded
    slow = SlowResponse(); fake.faults.add(slow, method="POST")          # held until released

Faults run after the request is logged in ``state.seen`` (the server did receive it)
and after the auth check.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import Callable
from typing import Protocol

import attrs
from aiohttp import web
from aiohttp.typedefs import Middleware

from ._wire import Handler, problem

__all__ = [
    "DropConnection",
    "ErrorStatus",
    "Fault",
    "FaultPlan",
    "FaultRule",
    "MalformedBody",
    "SlowResponse",
    "TruncatedBody",
    "faults_middleware",
]


class Fault(Protocol):
    """One way to answer badly; ``handler`` is the real route, for faults that pass through."""

    async def respond(self, request: web.Request, handler: Handler) -> web.StreamResponse: ...


_REASONS = {429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway"}


@attrs.frozen
class ErrorStatus:
    """Answer ``status`` with a problem-details body, and ``Retry-After`` if given.

    ``retry_after`` is sent as is: a number of seconds or an HTTP date string.
    """

    status: int
    retry_after: float | str | None = None

    async def respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response = problem(self.status, _REASONS.get(self.status, "Injected fault"))
        if self.retry_after is not None:
            value = self.retry_after
            response.headers["Retry-After"] = value if isinstance(value, str) else f"{value:g}"
        return response


@attrs.frozen
class DropConnection:
    """Close the socket without answering."""

    async def respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        assert request.transport is not None
        request.transport.close()
        return web.Response()  # never sent: the socket is gone


@attrs.define
class SlowResponse:
    """Hold the answer until ``release()`` (or ``max_hold`` real seconds), then pass through.

    Use it with a client timeout shorter than the hold. ``held`` counts requests waiting.
    Call ``release()`` from the server's loop (with ``start_in_thread``, through
    ``loop.call_soon_threadsafe``): the underlying ``asyncio.Event`` is not thread-safe.
    """

    max_hold: float = 5.0
    held: int = 0
    _released: asyncio.Event = attrs.field(factory=asyncio.Event, init=False)

    def release(self) -> None:
        self._released.set()

    async def respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.held += 1
        try:
            await asyncio.wait_for(self._released.wait(), self.max_hold)
        except asyncio.TimeoutError:
            pass
        finally:
            self.held -= 1
        return await handler(request)


@attrs.frozen
class TruncatedBody:
    """Send the real answer's headers, claim ``missing`` more bytes than sent, then hang up."""

    missing: int = 10

    async def respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        real = await handler(request)
        body = real.body if isinstance(real, web.Response) and isinstance(real.body, bytes) else b""
        response = web.StreamResponse(
            status=real.status, headers={"Content-Type": real.content_type}
        )
        response.content_length = len(body) + self.missing
        await response.prepare(request)
        await response.write(body[: len(body) // 2])
        assert request.transport is not None
        request.transport.close()
        return response


_MALFORMED = {
    "html": (
        "text/html",
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    ),
    "json": ("application/json", '{"session_id": "devin-'),
}


@attrs.frozen
class MalformedBody:
    """Answer ``status`` with a body that is not the API's JSON: an HTML page or cut-off JSON."""

    kind: str = attrs.field(default="json", validator=attrs.validators.in_(_MALFORMED))
    status: int = 200

    async def respond(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        content_type, text = _MALFORMED[self.kind]
        return web.Response(status=self.status, text=text, content_type=content_type)


RequestTest = Callable[[web.Request], bool]


@attrs.define
class FaultRule:
    """Which requests a rule hits, and how often; ``hits`` counts the faults served.

    Its ``faults`` are served in order, one per hit; the sequence plays ``times`` times
    (``None``: for ever), then the rule is spent.
    """

    faults: tuple[Fault, ...]
    method: str | None
    path: str | re.Pattern[str] | None
    probability: float | None
    times: int | None
    match: RequestTest | None = None
    hits: int = 0

    def matches(self, request: web.Request) -> bool:
        if self.method is not None and request.method != self.method:
            return False
        if isinstance(self.path, str) and not request.path.startswith(self.path):
            return False
        if isinstance(self.path, re.Pattern) and self.path.search(request.path) is None:
            return False
        return self.match is None or self.match(request)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times * len(self.faults)

    def next_fault(self) -> Fault:
        """The fault for this hit, counting it."""
        fault = self.faults[self.hits % len(self.faults)]
        self.hits += 1
        return fault


class FaultPlan:
    """The faults a fake server injects; rules apply in the order added, first match wins."""

    def __init__(self, seed: int = 0):
        self.rules: list[FaultRule] = []
        self._rng = random.Random(seed)

    def add(
        self,
        *faults: Fault,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        probability: float | None = None,
        times: int | None = 1,
        match: RequestTest | None = None,
    ) -> FaultRule:
        """Inject ``faults`` into matching requests (all of them, when no filter is given).

        The faults hit in order, one per matching request, and the sequence plays
        ``times`` times (``None``: for ever); then requests pass through. So
        ``add(ErrorStatus(503))`` fails one request, ``add(ErrorStatus(503), times=3)``
        three, ``add(ErrorStatus(503), ErrorStatus(429))`` two (a 503, then a 429).
        ``probability`` makes each matching request a hit only that often, drawn from
        the plan's seeded RNG. ``path`` is a prefix, or a compiled regex searched in the
        path; ``match`` a test of the ``aiohttp`` request (its query, headers...).
        """
        if not faults:
            raise ValueError("add() needs at least one fault")
        if probability is not None and not 0 <= probability <= 1:
            raise ValueError(f"probability must be within [0, 1], got {probability!r}")
        if times is not None and times < 0:
            raise ValueError(f"times must be >= 0, got {times!r}")
        method = method.upper() if method else None
        rule = FaultRule(faults, method, path, probability, times, match)
        self.rules.append(rule)
        return rule

    def clear(self) -> None:
        self.rules.clear()

    def release_all(self) -> None:
        """Let every held ``SlowResponse`` go (done when the server shuts down)."""
        for rule in self.rules:
            for fault in rule.faults:
                if isinstance(fault, SlowResponse):
                    fault.release()

    def pick(self, request: web.Request) -> Fault | None:
        """The fault for ``request``, counting it as a hit; ``None`` to answer normally."""
        for rule in self.rules:
            if rule.exhausted or not rule.matches(request):
                continue
            if rule.probability is not None and self._rng.random() >= rule.probability:
                continue
            return rule.next_fault()
        return None


def faults_middleware(plan_of: Callable[[web.Request], FaultPlan]) -> Middleware:
    """The aiohttp middleware that consults the request's ``FaultPlan``."""

    @web.middleware
    async def inject_faults(request: web.Request, handler: Handler) -> web.StreamResponse:
        fault = plan_of(request).pick(request)
        if fault is None:
            return await handler(request)
        return await fault.respond(request, handler)

    return inject_faults
