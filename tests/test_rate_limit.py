"""Client-side pacing and the testing switch, over an in-process transport on a fake clock."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable

import pytest

import devin_async
from devin_async import (
    AsyncDevin,
    ConfigurationError,
    RateLimit,
    RateLimitError,
    Request,
    Response,
    RetryPolicy,
)
from devin_async import _clock as clock_module
from devin_async.testing import FakeClock, is_testing, set_testing

SESSION = json.dumps(
    {
        "session_id": "devin-1",
        "org_id": "org-1",
        "url": "https://app.devin.ai/sessions/1",
        "status": "running",
        "created_at": 0,
        "updated_at": 0,
        "acus_consumed": 0,
        "pull_requests": [],
        "tags": [],
    }
).encode()


class Recorder:
    """A transport that answers from a script and notes when (fake time) each request came."""

    def __init__(self, clock: FakeClock, answer: Callable[[Request], Response] | None = None):
        self.clock = clock
        self.sent_at: list[float] = []
        self.timeouts: list[float | None] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self._answer = answer or (lambda request: Response(200, {}, SESSION, request))

    async def __call__(self, request: Request) -> Response:
        self.sent_at.append(self.clock.now())
        self.timeouts.append(request.timeout)
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        for _ in range(3):  # stay in flight for a few loop turns
            await asyncio.sleep(0)
        self.in_flight -= 1
        return self._answer(request)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def client(
    transport: Recorder,
    clock: FakeClock,
    *,
    rate_limit: RateLimit | None = None,
    retry: RetryPolicy | None = None,
) -> AsyncDevin:
    return AsyncDevin(
        api_key="cog_test",
        org_id="org-1",
        transport=transport,
        clock=clock,
        rate_limit=rate_limit,
        retry=retry,
    )


@pytest.fixture
def recorder(clock: FakeClock) -> Recorder:
    return Recorder(clock)


async def fetch_many(api: AsyncDevin, n: int) -> None:
    async with api:
        await asyncio.gather(*(api.sessions.get("devin-1") for _ in range(n)))


async def test_requests_per_second_spaces_requests_after_the_burst(
    recorder: Recorder, clock: FakeClock
) -> None:
    await fetch_many(client(recorder, clock, rate_limit=RateLimit(requests_per_second=2)), 6)
    assert sorted(recorder.sent_at) == pytest.approx([0, 0, 0.5, 1.0, 1.5, 2.0])


async def test_burst_lets_that_many_go_at_once(recorder: Recorder, clock: FakeClock) -> None:
    limit = RateLimit(requests_per_second=10, burst=4)
    await fetch_many(client(recorder, clock, rate_limit=limit), 6)
    assert sorted(recorder.sent_at) == pytest.approx([0, 0, 0, 0, 0.1, 0.2])


async def test_max_in_flight_caps_concurrent_requests(recorder: Recorder, clock: FakeClock) -> None:
    await fetch_many(client(recorder, clock, rate_limit=RateLimit(max_in_flight=3)), 10)
    assert len(recorder.sent_at) == 10
    assert recorder.most_in_flight == 3


async def test_without_limits_nothing_waits(recorder: Recorder, clock: FakeClock) -> None:
    await fetch_many(client(recorder, clock), 10)
    assert recorder.most_in_flight == 10
    assert clock.sleeps == []


async def test_the_429_gate_holds_everyone_until_the_server_time_then_spreads_them(
    clock: FakeClock,
) -> None:
    refused: list[bool] = []

    def answer(request: Request) -> Response:
        if not refused:
            refused.append(True)
            return Response(429, {"Retry-After": "3"}, b"", request)
        return Response(200, {}, SESSION, request)

    transport = Recorder(clock, answer)
    api = client(transport, clock, rate_limit=RateLimit(resume_jitter=2.0))
    async with api:
        await api.sessions.get("devin-1")  # refused once, then waits 3 s and succeeds
        assert transport.sent_at == [0, 3]
        # A fresh 429 closes the gate again, until 3 + 3; calls made meanwhile wait it out.
        refused.clear()
        with pytest.raises(RateLimitError):
            await api.sessions.get("devin-1", max_retries=0)
        await asyncio.gather(*(api.sessions.get("devin-1") for _ in range(6)))
    assert transport.sent_at[:3] == [0, 3, 3]
    resumed = transport.sent_at[3:]
    assert len(resumed) == 6
    assert all(6 <= t <= 6 + 2.0 for t in resumed)
    assert len(set(resumed)) > 1  # spread by jitter, not all at one instant


async def test_the_gate_fails_calls_fast_when_the_pause_is_past_the_cap(clock: FakeClock) -> None:
    def answer(request: Request) -> Response:
        return Response(429, {"Retry-After": "30"}, b"", request)

    transport = Recorder(clock, answer)
    async with client(transport, clock, retry=RetryPolicy(max_retry_after=10)) as api:
        with pytest.raises(RateLimitError, match="wait 30 s, over the cap of 10 s"):
            await api.sessions.get("devin-1")
        with pytest.raises(RateLimitError, match="not sent") as info:
            await api.sessions.get("devin-1")
    assert info.value.retry_after == 30
    assert transport.sent_at == [0]
    assert clock.sleeps == []


async def test_set_testing_makes_real_waits_return_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def recording_sleep(seconds: float) -> None:
        waits.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr("devin_async._clock.asyncio.sleep", recording_sleep)
    set_testing(True)
    try:
        assert is_testing()
        await clock_module.RealClock().sleep(30)
    finally:
        set_testing(False)
    await clock_module.RealClock().sleep(2)
    assert waits == [0, 2]


def test_new_public_names_are_exported() -> None:
    for name in ("RetryPolicy", "RateLimit", "Clock"):
        assert name in devin_async.__all__
        assert getattr(devin_async, name) is not None


@pytest.mark.parametrize(
    "options", [{"max_retries": -1}, {"max_retries": 1.5}, {"timeout": 0}, {"timeout": -3.0}]
)
async def test_bad_per_call_options_are_refused_before_sending(
    recorder: Recorder, clock: FakeClock, options: dict[str, float]
) -> None:
    async with client(recorder, clock) as api:
        with pytest.raises(ConfigurationError, match=next(iter(options))):
            await api.sessions.get("devin-1", **options)  # type: ignore[arg-type]
    assert recorder.sent_at == []


async def test_debug_logging_still_times_each_exchange(
    recorder: Recorder, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    async with client(recorder, clock) as api:
        with caplog.at_level(logging.DEBUG, logger="devin_async"):
            await api.sessions.get("devin-1")
    (record,) = [r for r in caplog.records if r.name == "devin_async"]
    expected = r"GET /v3/organizations/org-1/sessions/devin-1 -> 200 in [\d.]+ ms"
    assert re.fullmatch(expected, record.getMessage())
    assert "cog_test" not in caplog.text


async def test_retries_get_only_what_is_left_of_the_budget_as_their_timeout(
    clock: FakeClock,
) -> None:
    def answer(request: Request) -> Response:
        return Response(503, {"Retry-After": "4"}, b"", request)

    transport = Recorder(clock, answer)
    async with client(transport, clock, retry=RetryPolicy(budget=10)) as api:
        with pytest.raises(devin_async.InternalServerError, match="budget of 10 s"):
            await api.sessions.get("devin-1", timeout=30)
    assert transport.sent_at == [0, 4, 8]
    assert transport.timeouts == [30, 6, 2]
