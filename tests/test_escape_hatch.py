"""``client.request`` (any endpoint, through the whole pipeline) and the per-call
``extra_headers``/``extra_query``/``extra_body`` every method takes (issue 19.2)."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aioresponses import aioresponses
from test_requests import v3_body
from yarl import URL

import devin_async._cli.api
from devin_async import (
    AsyncDevin,
    ConfigurationError,
    Handler,
    NotFoundError,
    Request,
    Response,
    SessionResponse,
)
from devin_async.testing import ErrorStatus, FakeClock, FakeDevin

ORG = "org-abc123def456"
SID = "devin-abc123def456"
BASE = "https://api.devin.ai"
KEY = "cog_escape_hatch_key_0001"


class Sent:
    """A user middleware that keeps every request as it leaves the pipeline."""

    def __init__(self) -> None:
        self.requests: list[Request] = []

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        self.requests.append(request)
        return await call_next(request)


@pytest.fixture
def sent() -> Sent:
    return Sent()


@pytest.fixture
async def api(fake: FakeDevin, sent: Sent) -> AsyncIterator[AsyncDevin]:
    async with fake.client(middleware=[sent], clock=FakeClock()) as client:
        yield client


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    with aioresponses() as m:
        yield m


async def test_request_fills_org_id_keeps_the_query_and_decodes_json(
    fake: FakeDevin, api: AsyncDevin
) -> None:
    page = await api.request(
        "get", "/v3/organizations/{org_id}/sessions?first=1", params={"x": ["a", "b"]}
    )
    assert len(page["items"]) == 1 and page["has_next_page"] is True
    seen = fake.state.seen[-1]
    assert (seen.method, seen.path) == ("GET", f"/v3/organizations/{ORG}/sessions")
    assert seen.query == [("first", "1"), ("x", "a"), ("x", "b")]


async def test_request_casts_to_a_model_and_takes_an_org_id(api: AsyncDevin) -> None:
    session = await api.request(
        "GET", f"/v3/organizations/{{org_id}}/sessions/{SID}", cast_to=SessionResponse, org_id=ORG
    )
    assert isinstance(session, SessionResponse) and session.session_id == SID


async def test_request_raises_the_typed_errors_of_every_method(api: AsyncDevin) -> None:
    with pytest.raises(NotFoundError):
        await api.request("GET", "/v3/organizations/{org_id}/sessions/devin-missing")


async def test_request_is_retried_by_the_same_pipeline(
    fake: FakeDevin, api: AsyncDevin, sent: Sent
) -> None:
    fake.faults.add(ErrorStatus(503), path="/v3/self")
    assert (await api.request("GET", "/v3/self"))["org_id"] == ORG
    assert [r.headers.get("Authorization", "")[:7] for r in sent.requests] == ["Bearer "] * 2


async def test_request_posts_json_and_answers_none_for_an_empty_body(
    mocked: aioresponses,
) -> None:
    mocked.post(f"{BASE}/v3/things", status=204)
    async with AsyncDevin(api_key=KEY, base_url=BASE) as client:
        assert await client.request("POST", "/v3/things", json={"a": 1}) is None
    [[call]] = mocked.requests.values()
    assert call.kwargs["json"] == {"a": 1}


async def test_request_percent_encodes_the_path_once(mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/v3/a%20b/c%2Fd", payload={})
    async with AsyncDevin(api_key=KEY, base_url=BASE) as client:
        await client.request("GET", "/v3/a b/c%2Fd")
    ((_, url),) = mocked.requests
    assert url.raw_path == "/v3/a%20b/c%2Fd"


@pytest.mark.parametrize(
    ("method", "path", "problem"),
    [
        ("GET", "https://elsewhere.example/v3/self", "not a URL"),
        ("GET", "//elsewhere.example/v3/self", "not a URL"),
        ("GET", "v3/self", "starting with '/'"),
        ("GET", "/v3/{who}/x", "only {org_id}"),
        ("GET", "/v3/self#top", "fragment"),
        ("GET /v3", "/v3/self", "HTTP method"),
    ],
)
async def test_request_refuses_what_would_leave_the_api(
    api: AsyncDevin, method: str, path: str, problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        await api.request(method, path)


async def test_request_names_itself_for_a_misspelt_option(api: AsyncDevin) -> None:
    with pytest.raises(TypeError, match=r"AsyncDevin\.request\(\) .* 'timout'.*'timeout'"):
        await api.request("GET", "/v3/self", timout=3)  # type: ignore[call-overload]


def test_the_blocking_client_has_request_too(fake: FakeDevin) -> None:
    with fake.sync_client() as client:
        assert client.request("GET", "/v3/self")["org_id"] == ORG
        session = client.request(
            "GET", f"/v3/organizations/{{org_id}}/sessions/{SID}", cast_to=SessionResponse
        )
    assert session.session_id == SID


def test_the_command_line_uses_the_public_method() -> None:
    assert "_core" not in inspect.getsource(devin_async._cli.api)


async def test_extras_reach_the_wire_on_a_typed_method(mocked: aioresponses) -> None:
    url = f"{BASE}/v3/organizations/org-1/sessions/devin-abc"
    mocked.delete(f"{url}?archive=true&beta=1", payload=v3_body())
    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE) as client:
        await client.sessions.terminate(
            "devin-abc",
            archive=True,
            extra_headers={"X-Feature": "on"},
            extra_query={"beta": 1},
            extra_body={"reason": "done"},
        )
    (((_, sent_url), [call]),) = mocked.requests.items()
    assert sent_url == URL(f"{url}?archive=true&beta=1")
    assert call.kwargs["headers"]["X-Feature"] == "on"
    assert call.kwargs["headers"]["Authorization"] == f"Bearer {KEY}"
    assert call.kwargs["json"] == {"reason": "done"}


async def test_extra_query_replaces_a_parameter_and_none_leaves_it_out(
    fake: FakeDevin, api: AsyncDevin
) -> None:
    await api.sessions.terminate(SID, archive=True, extra_query={"archive": None, "x": [1, 2]})
    assert fake.state.seen[-1].query == [("x", "1"), ("x", "2")]


async def test_extra_body_merges_into_the_json_object(fake: FakeDevin, api: AsyncDevin) -> None:
    await api.sessions.create("hi", title="t", extra_body={"title": "other", "new_field": 1})
    assert fake.state.seen[-1].body == {"prompt": "hi", "title": "other", "new_field": 1}


async def test_extras_ride_on_every_page_of_a_list(
    fake: FakeDevin, api: AsyncDevin, sent: Sent
) -> None:
    items = [s async for s in api.sessions.list(page_size=1, extra_query={"beta": "1"})]
    assert len(items) > 1
    assert all(("beta", "1") in r.query for r in fake.state.seen)
    sent.requests.clear()
    await api.sessions.list(page_size=1, limit=1, extra_headers={"X-A": "b"}).to_list()
    assert sent.requests[0].headers["X-A"] == "b"


async def test_extras_ride_on_every_id_of_a_fan_out(api: AsyncDevin, sent: Sent) -> None:
    ids = [SID, "devin-fed987cba654"]
    result = await api.sessions.get_many(ids, extra_headers={"X-A": "b"})  # one chunk
    assert len(list(result)) == 2
    assert [r.headers["X-A"] for r in sent.requests] == ["b"]
    result = await api.sessions.get_many(ids, extra_headers={"X-A": "b"}, batch=False)
    assert len(list(result)) == 2
    assert [r.headers["X-A"] for r in sent.requests] == ["b", "b", "b"]


async def test_without_extras_requests_share_the_empty_headers(api: AsyncDevin, sent: Sent) -> None:
    request = api._core.request("GET", "/v3/self", options={"timeout": 5})
    assert request.headers is api._core.request("GET", "/v3/self").headers
    assert not request.headers


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"extra_headers": {"Authorization": "Bearer other"}}, "cannot replace Authorization"),
        ({"extra_headers": {"X-A": 1}}, "str values"),
        ({"extra_headers": {"X-A": "a\r\nX-B: b"}}, "line breaks"),
        ({"extra_headers": ["X-A"]}, "str values"),
        ({"extra_query": [("a", "b")]}, "mapping with str keys"),
        ({"extra_body": {1: "x"}}, "mapping with str keys"),
    ],
)
async def test_extras_of_the_wrong_shape_are_refused_before_sending(
    api: AsyncDevin, sent: Sent, options: dict[str, Any], problem: str
) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        await api.sessions.get(SID, **options)
    assert not sent.requests


async def test_extra_body_needs_a_json_object_to_merge_into(api: AsyncDevin) -> None:
    with pytest.raises(ConfigurationError, match="sends a list"):
        await api.request("POST", "/v3/things", json=[1], extra_body={"a": 1})
    with pytest.raises(ConfigurationError, match="multipart"):
        await api.attachments.upload(b"x", filename="a.txt", extra_body={"a": 1})


async def test_the_header_check_never_shows_a_value(api: AsyncDevin) -> None:
    with pytest.raises(ConfigurationError) as caught:
        await api.sessions.get(SID, extra_headers={"Authorization": "Bearer s3cret"})
    assert "s3cret" not in str(caught.value)
