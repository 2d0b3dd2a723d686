"""Issue 16.4: every request on the wire is an attempt the retry policy decided.

aiohttp on its own resends an idempotent request once when its connection is closed
under it; the client turns that off, so a server that drops every connection sees
exactly ``max_retries + 1`` requests and ``.attempts`` says so.
"""

from __future__ import annotations

import pytest
from aiohttp import web
from hostile import hostile

from devin_async import APIConnectionError, NotFoundError
from devin_async.testing import FakeClock


def dropping(seen: list[str]) -> object:
    """A server that reads each request and closes the socket without answering."""

    async def handler(request: web.Request) -> web.StreamResponse:
        seen.append(request.method)
        assert request.transport is not None
        request.transport.close()
        return web.Response()  # never sent: the socket is gone

    return handler


@pytest.mark.parametrize("max_retries", [0, 1, 3])
async def test_a_dropped_get_is_sent_once_per_attempt(max_retries: int) -> None:
    seen: list[str] = []
    async with hostile(dropping(seen), max_retries=max_retries, clock=FakeClock()) as client:
        with pytest.raises(APIConnectionError, match="closed the connection") as info:
            await client.sessions.get("devin-1")
    assert seen == ["GET"] * (max_retries + 1)
    assert info.value.attempts == max_retries + 1


async def test_a_dropped_delete_is_not_resent_behind_the_policy() -> None:
    seen: list[str] = []
    async with hostile(dropping(seen), clock=FakeClock()) as client:
        with pytest.raises(APIConnectionError):
            await client.sessions.terminate("devin-1", max_retries=0)
    assert seen == ["DELETE"]


async def test_a_keep_alive_connection_closed_after_an_answer_costs_one_counted_retry() -> None:
    """The server answers, then closes the kept-alive socket as the next request arrives:
    the second call's first attempt fails, and the policy (not aiohttp) sends it again."""
    seen: list[int] = []

    async def handler(request: web.Request) -> web.StreamResponse:
        seen.append(len(seen))
        if len(seen) == 2:  # the second request arrives on the kept-alive socket: drop it
            assert request.transport is not None
            request.transport.close()
        return web.json_response({"detail": "not here"}, status=404)

    clock = FakeClock()
    async with hostile(handler, max_retries=1, clock=clock) as client:
        for _ in range(2):
            with pytest.raises(NotFoundError) as info:
                await client.sessions.get("devin-1")
        assert info.value.attempts == 2
    assert seen == [0, 1, 2]
    assert len(clock.sleeps) == 1
