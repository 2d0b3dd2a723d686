"""Retrying failed calls: pure decisions (what to retry, how long to wait) and the middleware.

The first attempt runs directly; only a failure enters the tenacity loop, so a call
that succeeds at once pays for one ``try`` and one set lookup, not for tenacity.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from typing import Any

import attrs
from tenacity import AsyncRetrying, RetryCallState, stop_never

from .._clock import Clock, RealClock
from .._config import DEFAULT_MAX_RETRIES
from .._decode import error_for
from .._errors import APIConnectionError, APIOutcomeUnknownError, DevinError
from .._http import Handler, Request, Response, StockLayer
from .retry_after import parse_retry_after

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRYABLE_STATUSES",
    "Decision",
    "RetryMiddleware",
    "RetryPolicy",
    "backoff",
    "decide",
    "may_retry",
]

logger = logging.getLogger("devin_async")

# PATCH is not in here: a partial update such as "append a tag" is not idempotent in
# general, so PATCH is treated like POST.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

Outcome = Response | APIConnectionError


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not (value >= 0 and math.isfinite(value)):
        raise ValueError(f"{attribute.name} must be a finite number >= 0, got {value!r}")


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How failed calls are retried; every field is in seconds except ``max_retries``.

    Waits grow as ``backoff_initial * 2**(retry - 1)`` up to ``backoff_max``, with full
    jitter (a uniform draw between 0 and that). A ``Retry-After`` answer is waited for
    exactly, unless it exceeds ``max_retry_after``: then the call fails at once.
    ``budget`` bounds the whole call, attempts and waits included: no wait starts that
    would end past it, and each retry's timeout is cut to what is left of it.
    """

    max_retries: int = attrs.field(
        default=DEFAULT_MAX_RETRIES,
        validator=[attrs.validators.instance_of(int), _non_negative],
    )
    backoff_initial: float = attrs.field(default=0.5, validator=_non_negative)
    backoff_max: float = attrs.field(default=8.0, validator=_non_negative)
    max_retry_after: float = attrs.field(default=60.0, validator=_non_negative)
    budget: float = attrs.field(default=120.0, validator=_non_negative)


def may_retry(method: str, outcome: Outcome) -> bool:
    """Whether sending ``method`` again after ``outcome`` is safe and may help."""
    if isinstance(outcome, APIConnectionError):
        # A POST that may have left can have created something: never resend it.
        return method in IDEMPOTENT_METHODS or not outcome.sent
    server_says = server_retry_advice(outcome)
    if server_says is not None:  # the server knows whether the request had any effect
        return server_says
    if outcome.status == 429:  # refused before any work was done
        return True
    return outcome.status in RETRYABLE_STATUSES and method in IDEMPOTENT_METHODS


def server_retry_advice(response: Response) -> bool | None:
    """``x-should-retry: true|false`` (sent by Devin's gateway, honoured by the official
    SDKs), or ``None`` when the server gave no advice."""
    advice = response.headers.get("X-Should-Retry")
    return {"true": True, "false": False}.get(advice.strip().lower()) if advice else None


def backoff(policy: RetryPolicy, retry: int, draw: float) -> float:
    """The wait before retry number ``retry`` (1-based); ``draw`` is uniform in [0, 1)."""
    ceiling = min(policy.backoff_max, policy.backoff_initial * 2.0 ** (retry - 1))
    return draw * ceiling


def describe(outcome: Outcome) -> str:
    """What went wrong, for logs and messages: never a body or a header value."""
    if isinstance(outcome, Response):
        return f"HTTP {outcome.status}"
    return type(outcome).__name__


@attrs.frozen
class Decision:
    """Retry after ``wait`` seconds, or give up (``wait is None``) for ``reason``."""

    wait: float | None
    reason: str


def decide(
    policy: RetryPolicy,
    method: str,
    outcome: Outcome,
    *,
    attempt: int,
    max_retries: int,
    elapsed: float,
    retry_after: float | None,
    draw: float,
) -> Decision:
    """What to do after attempt number ``attempt`` (1-based) ended in ``outcome``."""
    cause = describe(outcome)
    if not may_retry(method, outcome):
        return Decision(None, f"{method} is not retried after {cause}")
    if attempt > max_retries:
        return Decision(None, f"no retries left (max_retries={max_retries})")
    if retry_after is not None and retry_after > policy.max_retry_after:
        return Decision(
            None,
            f"the server asked to wait {retry_after:g} s, "
            f"over the cap of {policy.max_retry_after:g} s",
        )
    wait = retry_after if retry_after is not None else backoff(policy, attempt, draw)
    if elapsed + wait > policy.budget:
        return Decision(
            None,
            f"waiting {wait:.3g} s more would pass the retry budget of {policy.budget:g} s",
        )
    return Decision(wait, cause)


@attrs.frozen
class _Verdict:
    outcome: Outcome
    decision: Decision
    attempt: int


def _annotate(error: DevinError, attempts: int, reason: str) -> DevinError:
    """Record the attempt count on ``error`` and say it, with why we stopped, in its message."""
    error.attempts = attempts  # type: ignore[attr-defined]
    plural = "s" if attempts != 1 else ""
    first = error.args[0] if error.args else ""
    error.args = (f"{first} (after {attempts} attempt{plural}; {reason})", *error.args[1:])
    return error


def _final_error(request: Request, outcome: Outcome, attempts: int, reason: str) -> DevinError:
    if isinstance(outcome, Response):
        return _annotate(error_for(outcome), attempts, reason)
    if outcome.sent and request.method not in IDEMPOTENT_METHODS:
        unknown = APIOutcomeUnknownError(
            f"{request} may have reached the server ({outcome}); "
            "its outcome is unknown, so it was not resent. Check the server's state "
            "before trying again.",
            method=request.method,
            path=request.path,
        )
        return _annotate(unknown, attempts, reason)
    return _annotate(outcome, attempts, reason)


class RetryMiddleware(StockLayer):
    """Retries what ``decide`` allows, waiting on ``clock``; re-raises the last typed error."""

    def __init__(
        self,
        policy: RetryPolicy,
        *,
        clock: Clock | None = None,
        draw: Callable[[], float] = random.random,
    ):
        self.policy = policy
        self._clock = clock or RealClock()
        self._draw = draw

    def handler(self, call_next: Handler) -> Handler:
        async def retrying(request: Request) -> Response:
            started = self._clock.now()
            first: Outcome
            try:
                first = await call_next(request)
            except APIConnectionError as exc:
                first = exc
            else:
                if first.status < 400 or (
                    first.status not in RETRYABLE_STATUSES and server_retry_advice(first) is None
                ):
                    return first
            return await self._after_failure(request, call_next, first, started)

        return retrying

    async def _after_failure(
        self, request: Request, call_next: Handler, first: Outcome, started: float
    ) -> Response:
        policy, clock = self.policy, self._clock
        max_retries = policy.max_retries if request.max_retries is None else request.max_retries
        replay: list[Outcome] = [first]
        last: _Verdict | None = None  # what decide() said about the latest attempt

        async def attempt() -> Response:
            if replay:  # tenacity's first attempt is the one already made
                outcome = replay.pop()
                if isinstance(outcome, Response):
                    return outcome
                raise outcome
            remaining = policy.budget - (clock.now() - started)
            timeout = remaining if request.timeout is None else min(request.timeout, remaining)
            return await call_next(attrs.evolve(request, timeout=max(timeout, 0.001)))

        def should_retry(state: RetryCallState) -> bool:
            nonlocal last
            assert state.outcome is not None
            error = state.outcome.exception()
            if error is not None and not isinstance(error, APIConnectionError):
                return False  # not ours to judge (cancellation, configuration): let it through
            outcome: Outcome = error if error is not None else state.outcome.result()
            retry_after = (
                parse_retry_after(outcome.headers) if isinstance(outcome, Response) else None
            )
            decision = decide(
                policy,
                request.method,
                outcome,
                attempt=state.attempt_number,
                max_retries=max_retries,
                elapsed=clock.now() - started,
                retry_after=retry_after,
                draw=self._draw(),
            )
            last = _Verdict(outcome, decision, state.attempt_number)
            return decision.wait is not None

        def wait(state: RetryCallState) -> float:
            assert last is not None
            assert last.decision.wait is not None
            return last.decision.wait

        def log_retry(state: RetryCallState) -> None:
            assert last is not None
            decision = last.decision
            logger.info(
                "retrying %s %s: attempt %d failed with %s; attempt %d in %.2f s",
                request.method,
                request.path,
                state.attempt_number,
                decision.reason,
                state.attempt_number + 1,
                decision.wait,
            )

        retrying = AsyncRetrying(
            sleep=clock.sleep,
            stop=stop_never,  # decide() already counts attempts and the budget
            wait=wait,
            retry=should_retry,
            before_sleep=log_retry,
            reraise=True,
        )
        try:
            response: Response = await retrying(attempt)
        except APIConnectionError as exc:
            if last is None or last.outcome is not exc:
                raise
            final = _final_error(request, exc, last.attempt, last.decision.reason)
            if final is exc:
                raise
            raise final from exc
        if response.status < 400:
            return response
        assert last is not None
        raise _final_error(request, response, last.attempt, last.decision.reason)
