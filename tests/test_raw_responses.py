"""``with_raw_response``: a call's status, headers and request id, on every namespace and in
the blocking client too; the usual path untouched (issue 19.3)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aioresponses import aioresponses
from test_requests import v3_body

from devin_async import (
    APIResponse,
    AsyncDevin,
    ClientUsageError,
    NotFoundError,
    SessionResponse,
)
from devin_async._pagination import Page
from devin_async.testing import ErrorStatus, FakeClock, FakeDevin

ORG = "org-abc123def456"
SID = "devin-abc123def456"
OTHER = "devin-fed987cba654"
BASE = "https://api.devin.ai"
KEY = "cog_raw_response_key_0001"


@pytest.fixture
async def api(fake: FakeDevin) -> AsyncIterator[AsyncDevin]:
    async with fake.client(clock=FakeClock()) as client:
        yield client


async def test_a_call_answers_status_headers_request_id_and_the_model() -> None:
    with aioresponses() as mocked:
        mocked.get(
            f"{BASE}/v3/organizations/org-1/sessions/devin-abc",
            payload=v3_body(),
            headers={"X-Request-Id": "req-42", "X-RateLimit-Remaining": "7"},
        )
        async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE) as client:
            raw = await client.sessions.with_raw_response.get("devin-abc")
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req-42"
    assert raw.headers["x-ratelimit-remaining"] == "7"  # case-insensitive
    assert raw.retries_taken == 0
    session = raw.parse()
    assert isinstance(session, SessionResponse) and session.session_id == "devin-abc"
    assert raw.http_response.request.path == "/v3/organizations/org-1/sessions/devin-abc"
    assert KEY not in repr(raw)


async def test_retries_taken_counts_the_retries_before_the_answer(
    fake: FakeDevin, api: AsyncDevin
) -> None:
    fake.faults.add(ErrorStatus(503), ErrorStatus(502), path=f"/v3/organizations/{ORG}/sessions/")
    raw = await api.sessions.with_raw_response.get(SID)
    assert (raw.status_code, raw.retries_taken) == (200, 2)


async def test_every_namespace_has_it_the_enterprise_and_v1_ones_too(api: AsyncDevin) -> None:
    assert (await api.enterprise.sessions.with_raw_response.get(SID)).status_code == 200
    assert (await api.self.with_raw_response.get()).parse().org_id == ORG
    raw = await api.v1.sessions.with_raw_response.get(SID)
    assert raw.parse().session_id == SID


async def test_errors_are_the_typed_errors_of_the_usual_call(api: AsyncDevin) -> None:
    with pytest.raises(NotFoundError):
        await api.sessions.with_raw_response.get("devin-missing")


async def test_a_list_answers_each_page_with_its_response(api: AsyncDevin) -> None:
    pages = [p async for p in api.sessions.with_raw_response.list(page_size=1, limit=2)]
    assert len(pages) == 2
    assert all(isinstance(p.parse(), Page) and len(p.parse().items) == 1 for p in pages)
    assert [p.http_response.request.params[-1][0] for p in pages] == ["first", "after"]


async def test_client_request_has_a_raw_twin(api: AsyncDevin) -> None:
    raw = await api.with_raw_response.request("GET", "/v3/self")
    assert raw.status_code == 200 and raw.parse()["org_id"] == ORG


async def test_a_download_answers_the_apis_redirect(api: AsyncDevin) -> None:
    attachment = await api.attachments.upload(b"hello", filename="a.txt")
    uuid, name = attachment.url.rsplit("/", 2)[-2:]
    raw = await api.attachments.with_raw_response.download(uuid, name)
    assert raw.parse() == b"hello"
    assert raw.status_code in (302, 307) and "Location" in raw.headers


async def test_concurrent_raw_calls_each_get_their_own_response(api: AsyncDevin) -> None:
    raw = api.sessions.with_raw_response
    first, second = await asyncio.gather(raw.get(SID), raw.get(OTHER))
    assert first.parse().session_id == SID and first.http_response.request.path.endswith(SID)
    assert second.parse().session_id == OTHER
    assert second.http_response.request.path.endswith(OTHER)


async def test_the_usual_path_is_untouched_and_the_wrapper_is_made_once(api: AsyncDevin) -> None:
    send = api._core.send
    await api.sessions.with_raw_response.get(SID)
    assert api._core.send is send  # the raw call ran on a twin, not on the client's core
    assert api.sessions.with_raw_response is api.sessions.with_raw_response
    get = api.sessions.with_raw_response.get
    assert api.sessions.with_raw_response.get is get


async def test_what_sends_many_requests_or_is_no_method_is_not_offered(api: AsyncDevin) -> None:
    raw = api.sessions.with_raw_response
    for many in ("get_many", "iter_many", "wait", "wait_many"):
        with pytest.raises(AttributeError, match="sends many requests"):
            getattr(raw, many)
    with pytest.raises(AttributeError, match="not a method"):
        raw.with_raw_response  # noqa: B018
    with pytest.raises(AttributeError):
        raw.no_such_method  # noqa: B018
    with pytest.raises(AttributeError):
        raw._core  # noqa: B018


async def test_a_closed_client_refuses_raw_calls_too(fake: FakeDevin) -> None:
    client = fake.client()
    await client.aclose()
    with pytest.raises(ClientUsageError, match="closed"):
        await client.sessions.with_raw_response.get(SID)


def test_the_blocking_client_answers_raw_responses_without_await(fake: FakeDevin) -> None:
    with fake.sync_client() as client:
        raw = client.sessions.with_raw_response.get(SID)
        assert isinstance(raw, APIResponse) and raw.parse().session_id == SID
        pages = list(client.sessions.with_raw_response.list(page_size=1, limit=2))
        assert [len(p.parse().items) for p in pages] == [1, 1]
        assert client.with_raw_response.request("GET", "/v3/self").status_code == 200
        with pytest.raises(TypeError):  # at the call, as the async client does
            client.sessions.with_raw_response.list(tagz=["x"])
        with pytest.raises(AttributeError, match="sends many requests"):
            client.sessions.with_raw_response.get_many  # noqa: B018
        assert client.sessions.with_raw_response is client.sessions.with_raw_response
        assert "Sessions" in repr(client.sessions.with_raw_response)
