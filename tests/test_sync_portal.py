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


async def _many_steps(x: int) -> int:
    for _ in range(200):
        await asyncio.sleep(0)
    return x


def test_a_stale_wakeup_never_ends_the_next_call_early(portal: Portal) -> None:
    from devin_async._sync._portal import _wakeup_for_this_thread

    for n in range(20):
        # What an abandoned (interrupted) call's late finish leaves behind.
        _wakeup_for_this_thread().set()
        assert portal.call(lambda n=n: _many_steps(n)) == n  # type: ignore[misc]


def test_calls_from_short_lived_threads_leave_no_open_descriptors(portal: Portal) -> None:
    import gc
    import os
    import threading

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to count descriptors")
    portal.call(lambda: _double(1))  # the loop and its own descriptors exist before counting

    def one_call() -> None:
        assert portal.call(lambda: _double(2)) == 4

    def open_fds() -> int:
        gc.collect()
        return len(os.listdir("/proc/self/fd"))

    before = open_fds()
    for _ in range(30):
        thread = threading.Thread(target=one_call)
        thread.start()
        thread.join()
    assert open_fds() <= before + 2  # each thread's wake-up pipe went with it


def test_an_asyncio_debug_mode_loop_still_takes_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    # Debug mode forbids touching a loop from another thread: calls are handed over instead.
    monkeypatch.setenv("PYTHONASYNCIODEBUG", "1")
    portal = Portal()
    try:
        assert portal.call(lambda: _double(5)) == 10
        assert portal._loop is not None and portal._loop.get_debug()
    finally:
        portal.stop()
