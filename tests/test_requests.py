"""The request each reference call builds: method, URL, query, headers (aioresponses)."""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
import types
from collections.abc import AsyncIterator, Awaitable, Iterator
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses
from yarl import URL

from devin_async import AsyncDevin, ConfigurationError, __version__, _transport

BASE = "https://api.devin.ai"
KEY = "cog_request_building_key_0001"


@pytest.fixture
def mocked() -> Iterator[aioresponses]:
    with aioresponses() as m:
        yield m


@pytest.fixture
async def client() -> AsyncIterator[AsyncDevin]:
    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE) as c:
        yield c


def v3_body(**extra: Any) -> dict[str, Any]:
    return {
        "session_id": "devin-abc",
        "status": "exit",
        "org_id": "org-1",
        "url": "https://app.devin.ai/sessions/abc",
        "created_at": 1,
        "updated_at": 2,
        "acus_consumed": 0,
        "pull_requests": [],
        "tags": [],
        **extra,
    }


def only_request(mocked: aioresponses) -> tuple[str, URL, dict[str, Any]]:
    assert len(mocked.requests) == 1
    ((method, url), calls) = next(iter(mocked.requests.items()))
    assert len(calls) == 1
    return method, url, calls[0].kwargs


async def test_sessions_get(client: AsyncDevin, mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/v3/organizations/org-1/sessions/devin-abc", payload=v3_body())
    session = await client.sessions.get("devin-abc")
    method, url, kwargs = only_request(mocked)
    assert (method, url.path) == ("GET", "/v3/organizations/org-1/sessions/devin-abc")
    assert kwargs["headers"]["Authorization"] == f"Bearer {KEY}"
    assert session.session_id == "devin-abc"


async def test_sessions_get_org_override(client: AsyncDevin, mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/v3/organizations/org-2/sessions/devin-abc", payload=v3_body())
    await client.sessions.get("devin-abc", org_id="org-2")
    assert only_request(mocked)[1].path == "/v3/organizations/org-2/sessions/devin-abc"


async def test_terminate_with_archive(client: AsyncDevin, mocked: aioresponses) -> None:
    mocked.delete(
        f"{BASE}/v3/organizations/org-1/sessions/devin-abc?archive=true",
        payload=v3_body(is_archived=True),
    )
    session = await client.sessions.terminate("devin-abc", archive=True)
    method, url, _ = only_request(mocked)
    assert method == "DELETE"
    assert url.query == {"archive": "true"}
    assert session.is_archived is True


async def test_terminate_without_archive_sends_no_query(
    client: AsyncDevin, mocked: aioresponses
) -> None:
    mocked.delete(f"{BASE}/v3/organizations/org-1/sessions/devin-abc", payload=v3_body())
    await client.sessions.terminate("devin-abc")
    assert not only_request(mocked)[1].query


async def test_enterprise_get_and_insights(client: AsyncDevin, mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/v3/enterprise/sessions/devin-abc?org_id=org-9", payload=v3_body())
    await client.enterprise.sessions.get("devin-abc", org_id="org-9")
    url = only_request(mocked)[1]
    assert url.path == "/v3/enterprise/sessions/devin-abc"
    assert url.query == {"org_id": "org-9"}


async def test_enterprise_insights(client: AsyncDevin, mocked: aioresponses) -> None:
    body = v3_body(num_devin_messages=3, num_user_messages=1, session_size="s", analysis=None)
    mocked.get(f"{BASE}/v3/enterprise/sessions/devin-abc/insights", payload=body)
    insights = await client.enterprise.sessions.insights("devin-abc")
    assert only_request(mocked)[1].path == "/v3/enterprise/sessions/devin-abc/insights"
    assert insights.num_devin_messages == 3 and insights.analysis is None


async def test_v1_get(client: AsyncDevin, mocked: aioresponses) -> None:
    body = {
        "session_id": "devin-abc",
        "status": "running",
        "created_at": "2024-01-01T00:00:00+00:00",
        "updated_at": "2024-01-01T00:00:00+00:00",
    }
    mocked.get(f"{BASE}/v1/sessions/devin-abc", payload=body)
    session = await client.v1.sessions.get("devin-abc")
    assert only_request(mocked)[1].path == "/v1/sessions/devin-abc"
    assert session.messages == []


async def test_user_agent_names_sdk_and_version(client: AsyncDevin, mocked: aioresponses) -> None:
    mocked.get(f"{BASE}/v1/sessions/x", payload={})
    with pytest.raises(Exception):  # noqa: B017,PT011 - the body is wrong; the headers matter here
        await client.v1.sessions.get("x")
    transport = client._transport
    assert isinstance(transport, _transport.AiohttpTransport)
    transport_session = transport._session
    assert transport_session is not None
    assert transport_session.headers["User-Agent"].startswith(f"devin-async/{__version__} ")


@pytest.mark.parametrize(
    ("devin_id", "encoded"),
    [
        ("devin-1?archive=true", "devin-1%3Farchive%3Dtrue"),
        ("devin-1#frag", "devin-1%23frag"),
        ("a b", "a%20b"),
        ("%2e%2e", "%252e%252e"),
    ],
)
async def test_path_injection_is_contained_in_one_segment(
    client: AsyncDevin, mocked: aioresponses, devin_id: str, encoded: str
) -> None:
    target = f"{BASE}/v3/organizations/org-1/sessions/{encoded}"
    mocked.get(URL(target, encoded=True), payload=v3_body(session_id=devin_id))
    await client.sessions.get(devin_id)
    url = only_request(mocked)[1]
    assert url.raw_path == f"/v3/organizations/org-1/sessions/{encoded}"
    assert not url.query


@pytest.mark.parametrize(
    "bad", ["", " ", ".", "..", "devin\n1", "devin\x001", "../../v1/secrets", "devin-1/", "a%2F/b"]
)
async def test_unusable_ids_are_refused_before_sending(
    client: AsyncDevin, mocked: aioresponses, bad: str
) -> None:
    with pytest.raises(ValueError, match="devin_id"):
        await client.sessions.get(bad)
    assert not mocked.requests


async def test_missing_org_id_is_a_configuration_error(mocked: aioresponses) -> None:
    async with AsyncDevin(api_key=KEY, base_url=BASE) as c:
        with pytest.raises(ConfigurationError, match="org_id"):
            await c.sessions.get("devin-abc")
    assert not mocked.requests


async def test_missing_key_is_a_configuration_error(
    mocked: aioresponses, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEVIN_API_KEY", raising=False)
    async with AsyncDevin(org_id="org-1", base_url=BASE) as c:
        with pytest.raises(ConfigurationError, match="DEVIN_API_KEY"):
            await c.enterprise.sessions.get("devin-abc")
    assert not mocked.requests


@pytest.mark.parametrize(
    ("template", "fixed", "each"),
    [
        ("/v3/organizations/{org_id}/sessions/{devin_id}", {"org_id": "org 1?x"}, "devin_id"),
        ("/v3/organizations/{org_id}/sessions/{devin_id}/tags", {"org_id": "o"}, "devin_id"),
        ("/v1/sessions/{session_id}", {}, "session_id"),
        ("/v3/organizations/{org_id}/x", {}, "org_id"),
    ],
)
def test_a_path_maker_builds_what_build_path_builds(
    template: str, fixed: dict[str, object], each: str
) -> None:
    from devin_async._paths import build_path, path_maker

    path_of = path_maker(template, fixed, each)
    for value in ["devin-1", "a b", "..%2F..%2Fv1", "%2e", "é"]:
        assert path_of(value) == build_path(template, {**fixed, each: value})
    for bad in ["", "..", "a\nb", "../../v1/secrets"]:
        with pytest.raises(ValueError, match=each):
            path_of(bad)


async def test_headers_that_change_between_requests_are_sent_as_they_are(
    mocked: aioresponses,
) -> None:
    from devin_async import Request

    calls = iter(["1", "2", "2", "3"])

    def numbered(request: Request, call_next: Any) -> Any:
        return call_next(request.with_headers({"X-Call": next(calls)}))

    url = f"{BASE}/v3/organizations/org-1/sessions/devin-abc"
    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE, middleware=[numbered]) as c:
        for _ in range(4):
            mocked.get(url, payload=v3_body())
            await c.sessions.get("devin-abc")
    sent = [call.kwargs["headers"] for call in mocked.requests[("GET", URL(url))]]
    assert [h["X-Call"] for h in sent] == ["1", "2", "2", "3"]
    assert all(h["Authorization"] == f"Bearer {KEY}" for h in sent)


async def test_every_kind_of_callable_works_as_a_middleware() -> None:
    import functools

    from devin_async import Handler, Request, Response
    from devin_async._pipeline.compose import build_pipeline

    seen: list[str] = []

    def function(request: Request, call_next: Handler) -> Awaitable[Response]:
        seen.append("function")
        return call_next(request)

    class Layer:
        def __init__(self, name: str) -> None:
            self.name = name

        async def __call__(self, request: Request, call_next: Handler) -> Response:
            seen.append(self.name)
            return await call_next(request)

    class Inherited(Layer):
        pass

    def tagged(tag: str, request: Request, call_next: Handler) -> Awaitable[Response]:
        seen.append(tag)
        return call_next(request)

    async def transport(request: Request) -> Response:
        return Response(200, {}, b"{}", request)

    handler = build_pipeline(
        [function, Layer("object"), functools.partial(tagged, "partial"), Inherited("last")],
        transport,
    )
    for _ in range(2):
        response = await handler(Request("GET", "/x"))
        assert response.status == 200
    assert seen == ["function", "object", "partial", "last"] * 2


def test_every_request_gets_headers_of_its_own() -> None:
    import copy
    import pickle
    from types import MappingProxyType

    from devin_async import Request

    mutable = {"X-A": "1"}
    copied = Request("GET", "/x").with_headers(mutable)
    mutable["X-A"] = "2"
    assert copied.headers == {"X-A": "1"}
    view = {"X-B": "1"}
    merged = Request("GET", "/x").with_headers(MappingProxyType(view))
    view["X-B"] = "2"
    assert merged.headers == {"X-B": "1"}
    merged.headers["X-C"] = "3"  # type: ignore[index]  # a middleware may edit its own copy
    assert view == {"X-B": "2"}
    assert pickle.loads(pickle.dumps(merged)) == merged == copy.deepcopy(merged)
    assert pickle.loads(pickle.dumps(Request("GET", "/y"))) == Request("GET", "/y")


async def test_a_middleware_may_edit_the_headers_of_the_request_it_gets() -> None:
    from devin_async import Handler, Request, Response

    sent: list[dict[str, str]] = []

    async def trace(request: Request, call_next: Handler) -> Response:
        request.headers["X-Trace"] = "t"  # type: ignore[index]
        return await call_next(request)

    async def transport(request: Request) -> Response:
        sent.append(dict(request.headers))
        return Response(200, {}, json.dumps(v3_body()).encode(), request)

    async with AsyncDevin(
        api_key=KEY, org_id="org-1", base_url=BASE, middleware=[trace], transport=transport
    ) as c:
        for _ in range(2):
            await c.sessions.get("devin-abc")
    assert sent == [{"Authorization": f"Bearer {KEY}", "X-Trace": "t"}] * 2


async def test_each_request_gets_its_own_timeout_and_the_cache_of_them_stays_bounded(
    mocked: aioresponses,
) -> None:
    url = f"{BASE}/v3/organizations/org-1/sessions/devin-abc"
    # One-off totals (as a retry's leftover budget makes them), then the client's own.
    totals = [0.5 + i / 7 for i in range(100)]
    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE, max_retries=0) as c:
        for total in totals:
            mocked.get(url, payload=v3_body())
            await c.sessions.get("devin-abc", timeout=total)
        mocked.get(url, payload=v3_body())
        await c.sessions.get("devin-abc")
        assert isinstance(c._transport, _transport.AiohttpTransport)
        kept = len(c._transport._timeouts)
    sent = [call.kwargs["timeout"].total for call in mocked.requests[("GET", URL(url))]]
    # From 5 s, aiohttp gets no timeout of its own: the transport's Deadlines keep it.
    assert sent == [total if total < 5 else None for total in totals] + [None]
    assert 0 < kept <= 32


async def test_the_coroutine_the_transport_awaits_is_all_that_aiohttps_request_does() -> None:
    # The transport awaits ClientSession._request itself, as request() would: should
    # aiohttp give request() work of its own, or wrap another coroutine, this says so.
    assert _transport._AWAIT_REQUEST_COROUTINE
    opened = aiohttp.ClientSession._request
    taken = inspect.signature(opened).parameters
    assert {"headers", "timeout", "allow_redirects", "data", "json"} <= taken.keys()
    tree = ast.parse(textwrap.dedent(inspect.getsource(aiohttp.ClientSession.request)))
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    code = [node for node in func.body if not isinstance(node, ast.Expr)]  # minus the docstring
    assert len(code) == 1 and isinstance(code[0], ast.Return)
    async with aiohttp.ClientSession() as session:
        wrapper = session.request("GET", "http://127.0.0.1:9/")
        coroutine = wrapper._coro
        coroutine.close()  # never sent
        assert isinstance(coroutine, types.CoroutineType)
        assert coroutine.cr_code is opened.__code__


async def test_without_request_coroutine_the_transport_uses_the_public_request(
    mocked: aioresponses, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_transport, "_AWAIT_REQUEST_COROUTINE", False)
    mocked.get(f"{BASE}/v3/organizations/org-1/sessions/devin-abc", payload=v3_body())
    async with AsyncDevin(api_key=KEY, org_id="org-1", base_url=BASE) as c:
        session = await c.sessions.get("devin-abc")
    assert session.session_id == "devin-abc"
    assert only_request(mocked)[1].path == "/v3/organizations/org-1/sessions/devin-abc"
