"""The portal: one background loop, blocking calls into it, async iterators out of it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from devin_async._sync._portal import Portal


@pytest.fixture
def portal() -> AsyncIterator[Portal]:
    p = Portal()
    yield p  # type: ignore[misc]
    p.stop()


async def _double(x: int) -> int:
    await asyncio.sleep(0)
    return 2 * x


def test_call_returns_and_raises_like_the_coroutine(portal: Portal) -> None:
    assert portal.call(lambda: _double(21)) == 42

    async def fail() -> None:
        raise LookupError("from the loop")

    with pytest.raises(LookupError, match="from the loop"):
        portal.call(fail)


def test_iterate_fetches_only_what_is_consumed(portal: Portal) -> None:
    produced: list[int] = []
    closed: list[bool] = []

    async def numbers() -> AsyncIterator[int]:
        try:
            for i in range(100):
                produced.append(i)
                yield i
        finally:
            closed.append(True)

    items = portal.iterate(numbers)
    assert (next(items), next(items)) == (0, 1)
    assert produced == [0, 1]  # backpressure: nothing runs ahead of the consumer
    items.close()  # abandoning the iterator closes the async generator on the loop
    portal.call(lambda: asyncio.sleep(0))
    assert closed == [True]


def test_iterate_to_the_end(portal: Portal) -> None:
    async def three() -> AsyncIterator[str]:
        for word in ("a", "b", "c"):
            yield word

    assert list(portal.iterate(three)) == ["a", "b", "c"]


def test_stop_cancels_calls_in_flight_and_is_idempotent() -> None:
    portal = Portal()
    started = asyncio.Event()
    portal.call(lambda: asyncio.sleep(0))

    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    portal.spawn(forever)
    portal.stop()
    portal.stop()
    assert not portal.is_running
