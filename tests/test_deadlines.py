"""Long timeouts are kept by the transport's ``Deadlines`` (one loop timer per whole second,
not one per request): a request past its deadline fails with ``APITimeoutError``, any other
cancellation goes on, and nothing is left behind. The timer's firing is driven by hand, so
nothing sleeps for real."""

from __future__ import annotations

import asyncio
import math
import sys
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from hostile import answering, serving

from devin_async import APITimeoutError, Request, Response
from devin_async._deadlines import COARSE_FROM, Deadlines
from devin_async._transport import AiohttpTransport


@pytest.fixture
async def stalled() -> AsyncIterator[tuple[AiohttpTransport, asyncio.Future[Response]]]:
    """A GET with a 60 s timeout, in flight to a server that took it and does not answer."""
    arrived, release = asyncio.Event(), asyncio.Event()

    async def handler(request: web.Request) -> web.Response:
        arrived.set()
        await release.wait()  # until the test is over: the server then shuts down at once
        return web.json_response({})

    async with serving(answering(handler)) as url:
        transport = AiohttpTransport(url)
        sending = asyncio.ensure_future(transport.send(Request("GET", "/v3/x", timeout=60.0)))
        try:
            await asyncio.wait_for(arrived.wait(), 5)
            yield transport, sending
        finally:
            sending.cancel()
            release.set()
            await transport.aclose()


def _cut_off_everything(deadlines: Deadlines) -> int:
    """What the loop timers would do once their seconds came: the number of requests cut."""
    due = dict(deadlines._due)
    for second in due:
        deadlines._cut_off(second)
    return sum(len(tasks) for tasks in due.values())


async def test_a_request_past_its_deadline_fails_with_a_timeout(
    stalled: tuple[AiohttpTransport, asyncio.Future[Response]],
) -> None:
    transport, sending = stalled
    assert _cut_off_everything(transport._deadlines) == 1
    with pytest.raises(APITimeoutError, match="timed out waiting for the response to GET /v3/x"):
        await asyncio.wait_for(sending, 5)
    assert not sending.cancelled()
    assert transport._deadlines._expired == {}
    if sys.version_info >= (3, 11):
        assert sending.cancelling() == 0  # the timeout took its cancellation back


async def test_another_cancellation_is_never_taken_for_a_timeout(
    stalled: tuple[AiohttpTransport, asyncio.Future[Response]],
) -> None:
    transport, sending = stalled
    sending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sending
    assert transport._deadlines._due == {second: {} for second in transport._deadlines._due}


@pytest.mark.skipif(sys.version_info < (3, 11), reason="3.10 does not count cancellations")
async def test_a_cancellation_in_the_same_iteration_as_the_timeout_goes_on(
    stalled: tuple[AiohttpTransport, asyncio.Future[Response]],
) -> None:
    transport, sending = stalled
    _cut_off_everything(transport._deadlines)
    sending.cancel()  # the caller's, before the request even saw the timeout's
    with pytest.raises(asyncio.CancelledError):
        await sending
    assert transport._deadlines._expired == {}


async def test_finished_requests_leave_nothing_and_a_second_has_one_timer() -> None:
    async def handler(request: web.Request) -> web.Response:
        return web.json_response({})

    async with serving(answering(handler)) as url:
        transport = AiohttpTransport(url)
        try:
            loop = asyncio.get_running_loop()
            answers = await asyncio.gather(
                *(transport.send(Request("GET", f"/v3/{i}", timeout=30.0)) for i in range(50))
            )
            deadlines = transport._deadlines
            # All 50 fell due within a second or two of each other: at most 2 timers.
            assert 1 <= len(deadlines._due) <= 2
            timers = [
                h
                for h in loop._scheduled  # type: ignore[attr-defined]
                if h._callback == deadlines._cut_off
            ]
            assert len(timers) == len(deadlines._due)
            assert [a.status for a in answers] == [200] * 50
            assert all(tasks == {} for tasks in deadlines._due.values())
            assert deadlines._expired == {}
            short = await transport.send(Request("GET", "/v3/short", timeout=COARSE_FROM / 2))
            assert short.status == 200  # aiohttp's own timeout: not watched here
            assert len(deadlines._due) <= 2
        finally:
            await transport.aclose()


async def test_a_deadline_is_rounded_up_to_a_whole_second() -> None:
    loop = asyncio.get_running_loop()
    deadlines = Deadlines(loop)
    now = loop.time()
    second, _token = deadlines.watch(12.25)
    assert second == math.ceil(now + 12.25) or second == math.ceil(loop.time() + 12.25)
    assert second >= now + 12.25
    deadlines.release((second, _token))
    assert deadlines._due == {second: {}}
    deadlines._cut_off(second)  # the timer, with nothing left to cut: a no-op
    assert deadlines._due == {}
