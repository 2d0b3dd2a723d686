"""Issue 16.7: one ``except APIOutcomeUnknownError`` catches every way a request that
is not safe to repeat (POST, PATCH) may have taken effect, and the status stays known."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiohttp import web
from hostile import hostile

from devin_async import (
    APIConnectionError,
    APIOutcomeUnknownError,
    InternalServerError,
)
from devin_async.testing import FakeClock


def answering(status: int, seen: list[str], **headers: str) -> Any:
    async def handler(request: web.Request) -> web.StreamResponse:
        seen.append(request.method)
        body = {"detail": f"backend said {status}"}
        return web.json_response(body, status=status, headers={"X-Request-Id": "req-9", **headers})

    return handler


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_a_create_answered_5xx_has_an_unknown_outcome(status: int) -> None:
    seen: list[str] = []
    async with hostile(answering(status, seen), max_retries=3) as client:
        with pytest.raises(APIOutcomeUnknownError, match="outcome is unknown") as info:
            await client.sessions.create("hello")
    error = info.value
    assert seen == ["POST"]  # never resent
    assert error.status_code == status and error.attempts == 1
    assert f"POST is not retried after HTTP {status}" in str(error)
    cause = error.__cause__
    assert isinstance(cause, InternalServerError)
    assert cause.status_code == status and cause.request_id == "req-9"
    assert cause.detail == f"backend said {status}"


async def test_a_patch_answered_500_has_an_unknown_outcome_too() -> None:
    seen: list[str] = []
    async with hostile(answering(500, seen)) as client:
        core = client._core
        with pytest.raises(APIOutcomeUnknownError) as info:
            await core.call_json(core.request("PATCH", "/v3/anything", json={"a": 1}))
    assert info.value.status_code == 500 and seen == ["PATCH"]


@pytest.mark.parametrize("status", [501, 505])
async def test_a_5xx_that_refuses_the_request_whole_stays_a_status_error(status: int) -> None:
    seen: list[str] = []
    async with hostile(answering(status, seen)) as client:
        with pytest.raises(InternalServerError) as info:
            await client.sessions.create("hello")
    assert not isinstance(info.value, APIOutcomeUnknownError)
    assert info.value.status_code == status


async def test_a_get_answered_500_is_retried_and_stays_a_status_error() -> None:
    seen: list[str] = []
    async with hostile(answering(500, seen), max_retries=2, clock=FakeClock()) as client:
        with pytest.raises(InternalServerError) as info:
            await client.sessions.get("devin-1")
    assert not isinstance(info.value, APIOutcomeUnknownError)
    assert seen == ["GET"] * 3


async def test_a_post_the_server_says_to_retry_ends_unknown_after_the_last_attempt() -> None:
    seen: list[str] = []
    handler = answering(503, seen, **{"X-Should-Retry": "true"})
    async with hostile(handler, max_retries=2, clock=FakeClock()) as client:
        with pytest.raises(APIOutcomeUnknownError, match="after 3 attempts") as info:
            await client.sessions.create("hello")
    assert seen == ["POST"] * 3 and info.value.attempts == 3


async def test_a_post_refused_with_429_then_answered_500_is_unknown_after_two() -> None:
    seen: list[str] = []

    async def handler(request: web.Request) -> web.StreamResponse:
        seen.append(request.method)
        if len(seen) == 1:
            return web.json_response({}, status=429, headers={"Retry-After": "1"})
        return web.json_response({"detail": "boom"}, status=500)

    async with hostile(handler, max_retries=3, clock=FakeClock()) as client:
        with pytest.raises(APIOutcomeUnknownError) as info:
            await client.sessions.create("hello")
    assert info.value.status_code == 500 and info.value.attempts == 2


async def _dropped(request: web.Request) -> web.StreamResponse:
    assert request.transport is not None
    request.transport.close()
    return web.Response()


async def _stalled(request: web.Request) -> web.StreamResponse:
    await asyncio.sleep(0.5)  # longer than the client's 0.05 s timeout
    return web.Response()


async def _failed(request: web.Request) -> web.StreamResponse:
    return web.json_response({"detail": "boom"}, status=502)


@pytest.mark.parametrize(
    ("handler", "status"), [(_dropped, None), (_stalled, None), (_failed, 502)]
)
async def test_one_except_clause_catches_every_unknown_outcome(
    handler: Any, status: int | None
) -> None:
    async with hostile(handler, timeout=0.05) as client:
        with pytest.raises(APIOutcomeUnknownError) as info:
            await client.sessions.create("hello")
    assert info.value.status_code == status
    assert info.value.sent and isinstance(info.value, APIConnectionError)


def test_the_outcome_error_has_no_status_by_default() -> None:
    error = APIOutcomeUnknownError("x", method="POST", path="/v3/y")
    assert error.status_code is None and error.sent
