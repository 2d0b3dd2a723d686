"""Pure retry and pacing decisions, without I/O."""

from __future__ import annotations

import asyncio

import pytest

from devin_async import APIConnectionError, APITimeoutError, RateLimit, RetryPolicy
from devin_async._http import Request, Response
from devin_async._pipeline.ratelimit import TokenBucket
from devin_async._pipeline.retry import backoff, decide, may_retry
from devin_async.testing import FakeClock

GET = Request("GET", "/v3/x")


def answer(status: int) -> Response:
    return Response(status, {}, b"", GET)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize(
    ("status", "retried"),
    [(408, True), (429, True), (500, True), (502, True), (503, True), (504, True)]
    + [(s, False) for s in (400, 401, 403, 404, 409, 422, 501)],
)
def test_idempotent_methods_retry_exactly_the_transient_statuses(
    method: str, status: int, retried: bool
) -> None:
    assert may_retry(method, answer(status)) is retried


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    ("status", "advice", "retried"),
    [(409, "true", True), (503, "false", False), (429, "FALSE", False), (500, "maybe", None)],
)
def test_the_servers_x_should_retry_advice_wins(
    method: str, status: int, advice: str, retried: bool | None
) -> None:
    response = Response(status, {"x-should-retry": advice}, b"", GET)
    default = may_retry(method, answer(status))
    assert may_retry(method, response) is (default if retried is None else retried)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize(("status", "retried"), [(429, True), (500, False), (503, False)])
def test_non_idempotent_methods_retry_only_a_429_answer(
    method: str, status: int, retried: bool
) -> None:
    assert may_retry(method, answer(status)) is retried


@pytest.mark.parametrize(
    ("method", "error", "retried"),
    [
        ("GET", APIConnectionError("x"), True),
        ("GET", APITimeoutError("x"), True),
        ("DELETE", APIConnectionError("x", sent=False), True),
        ("POST", APIConnectionError("refused", sent=False), True),
        ("POST", APITimeoutError("connect timeout", sent=False), True),
        ("POST", APIConnectionError("dropped"), False),
        ("POST", APITimeoutError("read timeout"), False),
        ("PATCH", APITimeoutError("read timeout"), False),
    ],
)
def test_a_request_that_may_have_left_is_resent_only_if_idempotent(
    method: str, error: APIConnectionError, retried: bool
) -> None:
    assert may_retry(method, error) is retried


def test_backoff_is_full_jitter_under_an_exponential_ceiling_with_a_cap() -> None:
    policy = RetryPolicy(backoff_initial=0.5, backoff_max=3.0)
    ceilings = [backoff(policy, retry, 0.999999) for retry in range(1, 6)]
    assert ceilings == pytest.approx([0.5, 1.0, 2.0, 3.0, 3.0], rel=1e-5)
    assert backoff(policy, 4, 0.0) == 0.0
    assert backoff(policy, 2, 0.5) == pytest.approx(0.5)


def decide_get(status: int, **kw: object) -> tuple[float | None, str]:
    args: dict[str, object] = {
        "attempt": 1,
        "max_retries": 3,
        "elapsed": 0.0,
        "retry_after": None,
        "draw": 0.5,
    }
    args.update(kw)
    policy = args.pop("policy", RetryPolicy())
    assert isinstance(policy, RetryPolicy)
    d = decide(policy, "GET", answer(status), **args)  # type: ignore[arg-type]
    return d.wait, d.reason


def test_decide_waits_the_jittered_backoff_and_names_the_cause() -> None:
    wait, reason = decide_get(503, attempt=2)
    assert wait == pytest.approx(0.5) and reason == "HTTP 503"


def test_decide_waits_exactly_what_retry_after_says() -> None:
    assert decide_get(429, retry_after=7.0)[0] == 7.0


def test_decide_gives_up_when_retries_are_spent() -> None:
    wait, reason = decide_get(503, attempt=4, max_retries=3)
    assert wait is None
    assert "max_retries=3" in reason


def test_decide_gives_up_at_once_past_the_retry_after_cap() -> None:
    wait, reason = decide_get(429, retry_after=3600.0, policy=RetryPolicy(max_retry_after=60))
    assert wait is None
    assert "3600" in reason
    assert "cap of 60" in reason


def test_decide_gives_up_when_the_wait_would_pass_the_budget() -> None:
    policy = RetryPolicy(budget=10)
    assert decide_get(429, retry_after=4.0, elapsed=5.0, policy=policy)[0] == 4.0
    wait, reason = decide_get(429, retry_after=6.0, elapsed=5.0, policy=policy)
    assert wait is None
    assert "budget of 10" in reason


def test_decide_never_retries_what_is_not_retryable_even_with_retries_left() -> None:
    wait, reason = decide_get(404)
    assert wait is None
    assert "HTTP 404" in reason


@pytest.mark.parametrize(
    "bad",
    [
        {"max_retries": -1},
        {"max_retries": 2.5},
        {"backoff_max": float("inf")},
        {"budget": float("nan")},
    ],
)
def test_policy_rejects_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises((ValueError, TypeError), match=next(iter(bad))):
        RetryPolicy(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    [
        {"requests_per_second": 0},
        {"max_in_flight": -2},
        {"max_in_flight": 2.5},
        {"burst": 0},
        {"resume_jitter": -1.0},
    ],
)
def test_rate_limit_rejects_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises((ValueError, TypeError), match=next(iter(bad))):
        RateLimit(**bad)  # type: ignore[arg-type]


def test_token_bucket_lets_a_burst_through_then_spaces_requests() -> None:
    bucket = TokenBucket(rate=10, burst=3)
    assert [bucket.reserve(0.0) for _ in range(5)] == pytest.approx([0, 0, 0, 0.1, 0.2])
    # After a quiet second the bucket is full again.
    assert [bucket.reserve(2.0) for _ in range(4)] == pytest.approx([0, 0, 0, 0.1])


async def test_fake_clock_wakes_sleepers_in_deadline_order_at_their_deadline() -> None:
    clock = FakeClock()
    woke: list[tuple[str, float]] = []

    async def sleeper(name: str, seconds: float) -> None:
        await clock.sleep(seconds)
        woke.append((name, clock.now()))

    await asyncio.gather(sleeper("late", 5), sleeper("early", 1), sleeper("mid", 2.5))
    assert woke == [("early", 1), ("mid", 2.5), ("late", 5)]
    assert sorted(clock.sleeps) == [1, 2.5, 5]


async def test_fake_clock_advance_wakes_due_sleepers_and_refuses_going_back() -> None:
    clock = FakeClock(start=100.0)
    woke_at: list[float] = []

    async def sleeper() -> None:
        await clock.sleep(1)
        woke_at.append(clock.now())

    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)  # let it start sleeping
    clock.advance(2)
    await task
    assert woke_at == [102.0]
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)


async def test_x_should_retry_true_retries_a_409_through_the_middleware() -> None:
    from devin_async import AsyncDevin, ConflictError

    answers = [(409, {"x-should-retry": "true"}), (409, {"x-should-retry": "false"})]
    sent: list[Request] = []

    async def transport(request: Request) -> Response:
        sent.append(request)
        status, headers = answers.pop(0)
        return Response(status, headers, b'{"detail": "busy"}', request)

    client = AsyncDevin(api_key="cog_k", org_id="org-1", transport=transport, clock=FakeClock())
    with pytest.raises(ConflictError) as info:
        await client.sessions.get("devin-1")
    assert len(sent) == 2  # retried once on the server's word, then stopped on it
    assert info.value.attempts == 2
