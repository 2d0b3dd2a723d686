"""Retrying failed calls: pure decisions (what to retry, how long to wait) and the middleware.

The first attempt runs directly; only a failure enters the retry loop, so a call that
succeeds at once pays for one ``try`` and one comparison.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from typing import Any

import attrs

from .._clock import Clock, RealClock
from .._config import (
    DEFAULT_BACKOFF_INITIAL,
    DEFAULT_BACKOFF_MAX,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_RETRY_BUDGET,
)
from .._decode import error_for
from .._errors import APIConnectionError, APIOutcomeUnknownError, DevinError
from .._http import Handler, Request, Response, StockLayer
from .retry_after import parse_retry_after

__all__ = [
    "IDEMPOTENT_METHODS",
    "OUTCOME_UNKNOWN_STATUSES",
    "RETRYABLE_STATUSES",
    "RETRY_COUNT_HEADER",
    "Decision",
    "RetryMiddleware",
    "RetryPolicy",
    "backoff",
    "decide",
    "may_retry",
]

logger = logging.getLogger("devin_async")

# Sent on every retry (1 on the second attempt, 2 on the third, ...), like the Stainless
# SDKs' x-stainless-retry-count, under the SDK's own name.
RETRY_COUNT_HEADER = "X-Devin-Retry-Count"

# PATCH is not in here: a partial update such as "append a tag" is not idempotent in
# general, so PATCH is treated like POST.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# What a request not safe to repeat did before the server answered one of these is
# unknown: nothing in RFC 9110 promises that a 503 means the origin did not act, and a
# gateway's 502 or 504 can come after the origin started the work. 501 and 505 say the
# request was refused as a whole: they stay InternalServerError.
OUTCOME_UNKNOWN_STATUSES = frozenset({500, 502, 503, 504})

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
    backoff_initial: float = attrs.field(default=DEFAULT_BACKOFF_INITIAL, validator=_non_negative)
    backoff_max: float = attrs.field(default=DEFAULT_BACKOFF_MAX, validator=_non_negative)
    max_retry_after: float = attrs.field(default=DEFAULT_MAX_RETRY_AFTER, validator=_non_negative)
    budget: float = attrs.field(default=DEFAULT_RETRY_BUDGET, validator=_non_negative)


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


def _final_error(request: Request, outcome: Outcome, attempts: int, reason: str) -> DevinError:
    """The error a call raises when retrying stops, saying how many attempts and why."""
    error: DevinError
    if isinstance(outcome, Response):
        error, status = error_for(outcome), outcome.status
        unknown = status in OUTCOME_UNKNOWN_STATUSES
    else:
        error, status, unknown = outcome, None, outcome.sent
    if unknown and request.method not in IDEMPOTENT_METHODS:
        error = _outcome_unknown(request, error, status)
    error.attempts, error.retry_stopped = attempts, reason
    return error


def _outcome_unknown(
    request: Request, cause: DevinError, status_code: int | None
) -> APIOutcomeUnknownError:
    error = APIOutcomeUnknownError(
        f"{request} may have taken effect ({cause}); its outcome is unknown, so it was "
        "not resent. Check the server's state before trying again.",
        method=request.method,
        path=request.path,
        status_code=status_code,
    )
    error.__cause__ = cause
    return error


class RetryMiddleware(StockLayer):
    """Retries what ``decide`` allows, waiting on ``clock``; raises the last typed error."""

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
        self, request: Request, call_next: Handler, outcome: Outcome, started: float
    ) -> Response:
        # A plain loop rather than tenacity: decide() is the whole policy, one draw giving
        # the wait, the verdict and the reason a final error states. Tenacity's separate
        # retry, wait and stop callbacks would only hand that between them, and its stop
        # conditions time the call with time.monotonic, not the injected clock.
        max_retries = (
            self.policy.max_retries if request.max_retries is None else request.max_retries
        )
        attempt = 1
        while True:
            decision = self._decide(request, outcome, attempt, max_retries, started)
            if decision.wait is None:
                raise _final_error(request, outcome, attempt, decision.reason)
            logger.info(
                "retrying %s %s: attempt %d failed with %s; attempt %d in %.2f s",
                request.method,
                request.path,
                attempt,
                decision.reason,
                attempt + 1,
                decision.wait,
            )
            await self._clock.sleep(decision.wait)
            attempt += 1
            try:
                outcome = await call_next(self._retry_of(request, attempt - 1, started))
            except APIConnectionError as exc:
                outcome = exc
            except DevinError as exc:  # not a retry's business (a body past its size limit)
                exc.attempts = attempt
                raise
            else:
                if outcome.status < 400:
                    return outcome

    def _decide(
        self, request: Request, outcome: Outcome, attempt: int, max_retries: int, started: float
    ) -> Decision:
        return decide(
            self.policy,
            request.method,
            outcome,
            attempt=attempt,
            max_retries=max_retries,
            elapsed=self._clock.now() - started,
            retry_after=parse_retry_after(outcome.headers)
            if isinstance(outcome, Response)
            else None,
            draw=self._draw(),
        )

    def _retry_of(self, request: Request, retry: int, started: float) -> Request:
        """``request`` as retry number ``retry`` sends it: its timeout cut to what is left
        of the retry budget, and a ``RETRY_COUNT_HEADER`` that tells the server's logs a
        retry from a new request (a first attempt carries none, and pays nothing)."""
        remaining = self.policy.budget - (self._clock.now() - started)
        timeout = remaining if request.timeout is None else min(request.timeout, remaining)
        headers = {**request.headers, RETRY_COUNT_HEADER: str(retry)}
        return attrs.evolve(request, timeout=max(timeout, 0.001), headers=headers)
