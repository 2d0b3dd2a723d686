"""Retry and the 429 gate against the fake API with injected faults, on a fake clock.

Virtual time only: the one real wait is a client timeout of 50 ms in the tests of
responses slower than the timeout (long enough for a loopback answer on a busy machine).
"""

from __future__ import annotations

import asyncio
import gc
import logging
import re
import socket
import warnings
from collections.abc import AsyncIterator
from typing import Any

import pytest
from typing_extensions import Unpack

from devin_async import (
    APIConnectionError,
    APIOutcomeUnknownError,
    APIStatusError,
    AsyncDevin,
    AuthenticationError,
    ClientUsageError,
    DecodeError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RequestOptions,
    RetryPolicy,
)
from devin_async._transport import AiohttpTransport
from devin_async.testing import (
    FAKE_API_KEY,
    DropConnection,
    ErrorStatus,
    FakeClock,
    FakeDevin,
    Fault,
    MalformedBody,
    SlowResponse,
    TruncatedBody,
)

ORG = "org-abc123def456"
SID = "devin-abc123def456"
PATH = f"/v3/organizations/{ORG}/sessions/{SID}"
QUICK_TIMEOUT = 0.05  # real seconds: the only real wait in this module


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def server(clock: FakeClock) -> AsyncIterator[FakeDevin]:
    async with FakeDevin(clock=clock) as fake:
        yield fake


@pytest.fixture
async def api(server: FakeDevin) -> AsyncIterator[AsyncDevin]:
    async with server.client() as client:
        yield client


def seen(server: FakeDevin, method: str = "GET") -> list[float]:
    """When the server received each ``method`` request, in order."""
    return [r.at for r in server.state.seen if r.method == method]


async def post(api: AsyncDevin, **options: Unpack[RequestOptions]) -> Any:
    """A POST through the whole pipeline (the fake API has no POST route: it answers 405)."""
    core = api._core
    return await core.call_json(core.request("POST", PATH, json={"prompt": "hi"}, options=options))


def assert_connections_released(api: AsyncDevin) -> None:
    transport = api._transport
    assert isinstance(transport, AiohttpTransport)
    session = transport._session
    assert session is not None
    assert session.connector is not None
    assert not session.connector._acquired  # every retried response gave its connection back
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []


async def test_503_503_200_succeeds_at_the_third_attempt(
    server: FakeDevin, api: AsyncDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(503), ErrorStatus(503), path=PATH)
    session = await api.sessions.get(SID)
    assert session.session_id == SID
    assert len(seen(server)) == 3
    first, second = clock.sleeps
    assert 0 <= first <= 0.5
    assert 0 <= second <= 1.0
    assert_connections_released(api)


async def test_a_retry_due_after_its_client_closed_is_refused_not_sent_on_a_new_pool(
    server: FakeDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(503), path=PATH)
    wait = clock.sleep

    async def close_during_the_wait(seconds: float) -> None:
        await client.aclose()  # as another task would, while this call waits to retry
        await wait(seconds)

    clock.sleep = close_during_the_wait  # type: ignore[method-assign]
    client = server.client()
    transport = client._transport
    assert isinstance(transport, AiohttpTransport)
    with pytest.raises(ClientUsageError, match="closed while the call was under way"):
        await client.sessions.get(SID)
    assert len(seen(server)) == 1  # the retry never left
    assert not transport.is_open  # and no pool was opened for it


async def test_401_is_tried_once(server: FakeDevin) -> None:
    async with server.client(api_key="cog_wrong") as api:
        with pytest.raises(AuthenticationError) as info:
            await api.sessions.get(SID)
    assert info.value.attempts == 1
    assert len(server.state.seen) == 1


async def test_404_is_tried_once(server: FakeDevin, api: AsyncDevin) -> None:
    with pytest.raises(NotFoundError) as info:
        await api.sessions.get("devin-000000000000")
    assert info.value.attempts == 1
    assert len(server.state.seen) == 1


async def test_404_after_a_503_reports_both_attempts(server: FakeDevin, api: AsyncDevin) -> None:
    server.faults.add(ErrorStatus(503), times=1)
    with pytest.raises(NotFoundError, match="after 2 attempts") as info:
        await api.sessions.get("devin-000000000000")
    assert info.value.attempts == 2


async def test_retry_after_of_an_hour_raises_at_once_and_pauses_the_client(
    server: FakeDevin, api: AsyncDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(429, retry_after=3600), times=1)
    with pytest.raises(RateLimitError, match="3600 s, over the cap of 60 s") as info:
        await api.sessions.get(SID)
    assert info.value.retry_after == 3600
    assert info.value.attempts == 1
    assert clock.sleeps == []
    # The whole client now honours the pause: the next call fails fast, unsent.
    with pytest.raises(RateLimitError, match="not sent") as info:
        await api.sessions.get(SID)
    assert info.value.retry_after == pytest.approx(3600)
    assert len(server.state.seen) == 1


async def test_retry_after_up_to_the_cap_is_waited_exactly(
    server: FakeDevin, api: AsyncDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(429, retry_after=2), times=1)
    await api.sessions.get(SID)
    assert seen(server) == [0.0, 2.0]  # not a moment before the server's time


async def test_retry_after_as_an_http_date_is_honoured(
    server: FakeDevin, api: AsyncDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(503, retry_after="Wed, 21 Oct 2015 07:28:00 GMT"), times=1)
    await api.sessions.get(SID)  # a date in the past: retry at once
    assert clock.sleeps[0] == 0.0


async def test_5xx_retry_after_past_the_cap_fails_at_once_with_its_own_error(
    server: FakeDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(503, retry_after=120))
    async with server.client(retry=RetryPolicy(max_retry_after=30)) as api:
        with pytest.raises(InternalServerError, match="cap of 30 s"):
            await api.sessions.get(SID)
    assert len(seen(server)) == 1


async def test_budget_stops_retrying_before_it_is_passed(
    server: FakeDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(502), times=None)
    policy = RetryPolicy(max_retries=50, backoff_initial=1, backoff_max=1, budget=5)
    async with server.client(retry=policy) as api:
        with pytest.raises(InternalServerError, match="budget of 5 s") as info:
            await api.sessions.get(SID)
    assert clock.now() <= 5
    assert info.value.attempts == len(seen(server)) > 1


async def test_a_retry_after_beyond_the_budget_raises_rate_limit_error_at_once(
    server: FakeDevin, clock: FakeClock
) -> None:
    server.faults.add(ErrorStatus(429, retry_after=8))
    async with server.client(retry=RetryPolicy(budget=5)) as api:
        with pytest.raises(RateLimitError, match="budget") as info:
            await api.sessions.get(SID)
    assert info.value.retry_after == 8
    assert clock.sleeps == []


async def test_max_retries_per_call_and_per_client(server: FakeDevin, clock: FakeClock) -> None:
    server.faults.add(ErrorStatus(500), times=None)
    async with server.client() as api:
        with pytest.raises(InternalServerError, match="after 4 attempts") as info:
            await api.sessions.get(SID)
        assert info.value.attempts == 4  # the default: 3 retries
        with pytest.raises(InternalServerError, match="after 2 attempts"):
            await api.sessions.get(SID, max_retries=1)
    async with server.client(max_retries=0) as api:
        with pytest.raises(InternalServerError) as info:
            await api.sessions.get(SID)
        assert info.value.attempts == 1
    async with server.client(retry=RetryPolicy(max_retries=1)) as api:
        with pytest.raises(InternalServerError, match="after 2 attempts"):
            await api.sessions.get(SID)
    async with server.client(retry=RetryPolicy(max_retries=1), max_retries=2) as api:
        with pytest.raises(InternalServerError, match="after 3 attempts"):
            await api.sessions.get(SID)  # the keyword wins over the policy's field
    assert len(seen(server)) == 4 + 2 + 1 + 2 + 3


# --- POST: resent only when it provably never left, or was refused with 429 ----------


async def test_post_that_times_out_after_the_server_received_it_is_sent_once(
    server: FakeDevin, api: AsyncDevin
) -> None:
    slow = SlowResponse()
    server.faults.add(slow, method="POST")
    with pytest.raises(APIOutcomeUnknownError, match="outcome is unknown") as info:
        await post(api, timeout=QUICK_TIMEOUT)
    slow.release()
    assert len(seen(server, "POST")) == 1
    assert info.value.attempts == 1
    assert isinstance(info.value.__cause__, APIConnectionError)


async def test_post_whose_connection_drops_is_not_resent(
    server: FakeDevin, api: AsyncDevin
) -> None:
    server.faults.add(DropConnection(), method="POST")
    with pytest.raises(APIOutcomeUnknownError):
        await post(api)
    assert len(seen(server, "POST")) == 1
    assert_connections_released(api)


async def test_post_answered_503_is_not_resent(server: FakeDevin, api: AsyncDevin) -> None:
    server.faults.add(ErrorStatus(503), method="POST")
    with pytest.raises(APIOutcomeUnknownError, match="POST is not retried after HTTP 503") as info:
        await post(api)
    assert info.value.status_code == 503
    assert isinstance(info.value.__cause__, InternalServerError)
    assert len(seen(server, "POST")) == 1


async def test_post_refused_with_429_is_resent_after_the_wait(
    server: FakeDevin, api: AsyncDevin
) -> None:
    server.faults.add(ErrorStatus(429, retry_after=1), method="POST", times=1)
    with pytest.raises(APIStatusError) as info:
        await post(api)
    assert info.value.status_code == 405  # the second attempt reached the (POST-less) route
    assert info.value.attempts == 2
    assert seen(server, "POST") == [0.0, 1.0]


async def test_post_that_could_not_connect_is_retried(clock: FakeClock) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with AsyncDevin(
        api_key=FAKE_API_KEY, org_id=ORG, base_url=f"http://127.0.0.1:{port}", clock=clock
    ) as api:
        with pytest.raises(APIConnectionError, match="after 4 attempts") as info:
            await post(api)
    assert not isinstance(info.value, APIOutcomeUnknownError)
    assert info.value.attempts == 4
    assert len(clock.sleeps) == 3


# --- every fault an idempotent request survives, releasing its connection ------------


@pytest.mark.parametrize(
    "fault",
    [
        ErrorStatus(408),
        ErrorStatus(504),
        DropConnection(),
        TruncatedBody(),
        MalformedBody("html", status=502),
        SlowResponse(),
    ],
    ids=lambda f: type(f).__name__ + str(getattr(f, "status", "")),
)
async def test_a_get_survives_one_fault(server: FakeDevin, api: AsyncDevin, fault: Fault) -> None:
    server.faults.add(fault, path=PATH, times=1)
    if isinstance(fault, SlowResponse):
        session = await api.sessions.get(SID, timeout=QUICK_TIMEOUT)
        fault.release()
    else:
        session = await api.sessions.get(SID)
    assert session.session_id == SID
    assert len(seen(server)) == 2
    assert_connections_released(api)


@pytest.mark.parametrize("fault", [DropConnection(), TruncatedBody()], ids=type)
async def test_a_get_that_keeps_failing_raises_the_last_transport_error(
    server: FakeDevin, api: AsyncDevin, fault: Fault
) -> None:
    server.faults.add(fault, path=PATH, times=None)
    with pytest.raises(APIConnectionError, match="after 4 attempts") as info:
        await api.sessions.get(SID)
    assert type(info.value) is APIConnectionError
    assert info.value.attempts == 4
    assert_connections_released(api)


async def test_a_dropped_get_is_resent_by_the_policy_not_behind_it(
    server: FakeDevin, api: AsyncDevin, clock: FakeClock
) -> None:
    # RFC 9112 §9.3.1 lets a client resend an idempotent request on a closed connection;
    # aiohttp would, once, unseen. Turned off: the one resend is the policy's, after its wait.
    server.faults.add(DropConnection(), path=PATH, times=1)
    await api.sessions.get(SID)
    assert len(seen(server)) == 2
    assert len(clock.sleeps) == 1


async def test_malformed_json_in_a_200_is_a_decode_error_not_a_retry(
    server: FakeDevin, api: AsyncDevin
) -> None:
    server.faults.add(MalformedBody("json"), path=PATH)
    with pytest.raises(DecodeError, match="not valid JSON"):
        await api.sessions.get(SID)
    assert len(seen(server)) == 1


# --- the shared 429 gate -----------------------------------------------------------


async def test_one_429_pauses_the_whole_client_then_requests_resume_spread_out(
    server: FakeDevin, api: AsyncDevin, clock: FakeClock
) -> None:
    ids = [server.state.add_session()["session_id"] for _ in range(40)]
    refused = ids[9]
    server.faults.add(ErrorStatus(429, retry_after=1), path=re.compile(refused + "$"), times=1)
    slots = asyncio.Semaphore(8)

    async def fetch(devin_id: str) -> str:
        async with slots:
            return (await api.sessions.get(devin_id)).session_id

    assert await asyncio.gather(*map(fetch, ids)) == ids
    times = seen(server)
    assert len(times) == 41
    refused_index = next(i for i, r in enumerate(server.state.seen) if r.path.endswith(refused))
    refused_at = times[refused_index]
    # Virtual time stands still during I/O, so requests already in flight when the 429
    # came (at most 7 others) arrive at the refusal's own instant; nothing else may
    # arrive before the server's time.
    in_window = [t for t in times[refused_index + 1 :] if t < refused_at + 1]
    assert len(in_window) <= 7
    assert all(t == refused_at for t in in_window)
    resumed = [t for t in times if t >= refused_at + 1]
    assert len(resumed) >= 40 - 9 - 7
    assert len(set(resumed)) > 1  # spread by jitter, not all at one instant
    assert_connections_released(api)


# --- logging -----------------------------------------------------------------------


async def test_each_retry_logs_method_path_attempt_wait_and_cause_but_no_secret(
    server: FakeDevin, api: AsyncDevin, caplog: pytest.LogCaptureFixture
) -> None:
    server.faults.add(ErrorStatus(503), TruncatedBody(), path=PATH)
    with caplog.at_level(logging.INFO, logger="devin_async"):
        await api.sessions.get(SID)
    retries = [r for r in caplog.records if r.name == "devin_async" and r.levelno == logging.INFO]
    assert len(retries) == 2
    first, second = (r.getMessage() for r in retries)
    assert first.startswith(f"retrying GET {PATH}: attempt 1 failed with HTTP 503; attempt 2 in")
    assert "attempt 2 failed with APIConnectionError; attempt 3 in" in second
    assert re.search(r"in \d+\.\d\d s$", first)
    assert FAKE_API_KEY not in caplog.text
    assert "Injected fault" not in caplog.text  # nothing of the error bodies
