"""The fake API's fault plan: which requests it hits, in what order, how often."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest

from devin_async import AsyncDevin, DevinError, InternalServerError, RateLimitError
from devin_async.testing import ErrorStatus, FakeClock, FakeDevin, FaultPlan, MalformedBody

ORG = "org-abc123def456"
SID = "devin-abc123def456"


@pytest.fixture
async def server() -> AsyncIterator[FakeDevin]:
    async with FakeDevin(clock=FakeClock(start=50.0)) as fake:
        yield fake


@pytest.fixture
async def once(server: FakeDevin) -> AsyncIterator[AsyncDevin]:
    """A client that never retries, so each call shows exactly what the server did."""
    async with server.client(max_retries=0) as client:
        yield client


async def status_of(api: AsyncDevin, path: str = SID) -> int:
    try:
        await api.sessions.get(path)
    except DevinError as exc:
        return int(getattr(exc, "status_code", 0) or 0)
    return 200


async def test_a_sequence_hits_in_order_then_passes_through(
    server: FakeDevin, once: AsyncDevin
) -> None:
    rule = server.faults.add(ErrorStatus(503), ErrorStatus(429, retry_after=0))
    assert [await status_of(once) for _ in range(3)] == [503, 429, 200]
    assert rule.hits == 2
    assert rule.exhausted


async def test_one_fault_hits_once_like_a_sequence_of_one(
    server: FakeDevin, once: AsyncDevin
) -> None:
    rule = server.faults.add(ErrorStatus(503))
    assert [await status_of(once) for _ in range(2)] == [503, 200]
    assert rule.exhausted


async def test_times_repeats_one_fault(server: FakeDevin, once: AsyncDevin) -> None:
    server.faults.add(ErrorStatus(500), times=2)
    assert [await status_of(once) for _ in range(3)] == [500, 500, 200]


async def test_times_replays_a_whole_sequence(server: FakeDevin, once: AsyncDevin) -> None:
    server.faults.add(ErrorStatus(503), ErrorStatus(500), times=2)
    assert [await status_of(once) for _ in range(5)] == [503, 500, 503, 500, 200]


async def test_times_none_never_runs_out(server: FakeDevin, once: AsyncDevin) -> None:
    rule = server.faults.add(ErrorStatus(502), times=None)
    assert [await status_of(once) for _ in range(5)] == [502] * 5
    assert not rule.exhausted


async def test_match_selects_requests_by_anything_the_request_shows(
    server: FakeDevin, once: AsyncDevin
) -> None:
    server.faults.add(ErrorStatus(500), match=lambda r: r.match_info.get("devin_id") == SID)
    assert await status_of(once, "devin-fed987cba654") == 200
    assert [await status_of(once) for _ in range(2)] == [500, 200]


async def test_path_prefix_regex_and_method_select_requests(
    server: FakeDevin, once: AsyncDevin
) -> None:
    server.faults.add(ErrorStatus(502), path=re.compile(r"fed987cba654$"))
    server.faults.add(ErrorStatus(504), path="/v1/")
    server.faults.add(ErrorStatus(500), method="delete")
    assert await status_of(once, "devin-fed987cba654") == 502
    assert await status_of(once) == 200
    with pytest.raises(InternalServerError):
        await once.v1.sessions.get("devin-abc123def456")  # 504 is still "5xx"
    with pytest.raises(InternalServerError) as info:
        await once.sessions.terminate(SID)
    assert info.value.status_code == 500


async def test_probability_is_drawn_from_a_seeded_rng(server: FakeDevin, once: AsyncDevin) -> None:
    server.faults.add(ErrorStatus(503), probability=0.3, times=None)
    first = [await status_of(once) for _ in range(40)]
    server.state.faults = plan = FaultPlan()  # same default seed: same draws
    plan.add(ErrorStatus(503), probability=0.3, times=None)
    assert [await status_of(once) for _ in range(40)] == first
    assert 0 < first.count(503) < 40


async def test_rate_limit_fault_carries_retry_after_and_problem_body(
    server: FakeDevin, once: AsyncDevin
) -> None:
    server.faults.add(ErrorStatus(429, retry_after=7))
    with pytest.raises(RateLimitError) as info:
        await once.sessions.get(SID)
    assert info.value.retry_after == 7
    assert info.value.detail == "Too Many Requests"


async def test_the_server_stamps_requests_with_the_injected_clock(
    server: FakeDevin, once: AsyncDevin
) -> None:
    await once.sessions.get(SID)
    assert [r.at for r in server.state.seen] == [50.0]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({}, "at least one fault"), ({"probability": 2.0}, "probability"), ({"times": -1}, "times")],
)
def test_bad_rules_are_refused(kwargs: dict[str, float], message: str) -> None:
    faults = () if not kwargs else (ErrorStatus(500),)
    with pytest.raises(ValueError, match=message):
        FaultPlan().add(*faults, **kwargs)  # type: ignore[arg-type]


def test_unknown_malformed_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        MalformedBody("xml")
