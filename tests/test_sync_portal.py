"""The portal: one background loop, blocking calls into it, async iterators out of it."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator, Iterator

import pytest

from devin_async._sync._portal import Portal


@pytest.fixture
def portal() -> Iterator[Portal]:
    p = Portal()
    yield p
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
    from devin_async._sync import _wakeup

    for n in range(20):
        # What a call's late wake-up leaves in the pipe it gives back for the next call.
        stale = _wakeup.borrow()
        stale.set()
        _wakeup.give_back(stale)
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
    # Debug mode forbids touching a loop from another thread, which the hand-over never does.
    monkeypatch.setenv("PYTHONASYNCIODEBUG", "1")
    portal = Portal()
    try:
        assert portal.call(lambda: _double(5)) == 10
        assert portal._loop is not None and portal._loop.get_debug()
    finally:
        portal.stop()


NESTED_SIGNAL_SCRIPT = """
import asyncio, os, signal
from devin_async._sync._portal import Portal

portal = Portal()
released = None

async def inner():
    released.set()  # the outer call can finish now, while this one still runs
    for _ in range(50):
        await asyncio.sleep(0)
    return "inner"

def on_signal(signum, frame):  # a handler that makes a blocking call of its own
    print(portal.call(inner))

async def outer():
    global released
    released = asyncio.Event()
    os.kill(os.getpid(), signal.SIGUSR1)  # interrupts the main thread's wait
    await released.wait()
    return "outer"

signal.signal(signal.SIGUSR1, on_signal)
print(portal.call(outer))
portal.stop()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="needs POSIX signals")
def test_a_call_made_by_a_signal_handler_does_not_swallow_the_outer_wakeup() -> None:
    import subprocess
    import sys
    from pathlib import Path

    done = subprocess.run(
        [sys.executable, "-c", NESTED_SIGNAL_SCRIPT],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,  # only a hang waits this long
    )
    assert (done.returncode, done.stdout.split(), done.stderr) == (0, ["inner", "outer"], "")


@pytest.mark.parametrize("kind", ["PipeWakeup", "LockWakeup"])
def test_a_wait_past_its_deadline_says_so_even_with_a_wakeup_pending(kind: str) -> None:
    from devin_async._sync import _wakeup

    wakeup = getattr(_wakeup, kind)()
    wakeup.set()
    assert wakeup.wait_until(lambda: False, timeout=0.0) is False
    assert wakeup.wait_until(lambda: True, timeout=0.0) is True
    wakeup.set()  # a stale wake-up is skipped: no early return, no error
    assert wakeup.wait_until(lambda: False, timeout=0.0) is False


def test_more_callers_at_once_than_pipes_all_get_their_answers(portal: Portal) -> None:
    import threading

    from devin_async._sync import _wakeup

    callers = _wakeup.MAX_PIPES * 3
    arrived = 0
    everyone_in: asyncio.Event | None = None

    async def gather_then_answer(n: int) -> int:
        nonlocal arrived, everyone_in
        everyone_in = everyone_in or asyncio.Event()
        arrived += 1
        if arrived == callers:
            everyone_in.set()
        await everyone_in.wait()  # all calls are in flight at once here
        return n

    answers: dict[int, int] = {}

    def call(n: int) -> None:
        answers[n] = portal.call(lambda: gather_then_answer(n))

    threads = [threading.Thread(target=call, args=(n,)) for n in range(callers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == {n: n for n in range(callers)}
    assert len(_wakeup._idle) <= _wakeup.MAX_PIPES  # the rest waited on locks


@pytest.mark.skipif(not hasattr(signal, "SIGUSR1"), reason="needs POSIX signals")
def test_an_abandoned_call_gives_its_pipe_back_when_it_ends(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from devin_async._sync import _portal, _wakeup

    monkeypatch.setattr(_portal, "CANCEL_GRACE_SECONDS", 0.0)  # give up at once
    portal.call(lambda: _double(1))
    lent = _wakeup._idle[-1]  # the next call borrows this pipe
    main = threading.main_thread().ident
    assert main is not None
    release: asyncio.Event | None = None

    async def slow_to_cancel() -> None:
        nonlocal release
        release = asyncio.Event()
        signal.pthread_kill(main, signal.SIGUSR1)  # Ctrl-C, as far as the caller knows
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            await release.wait()  # unwinding takes longer than the caller waits
            raise

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGUSR1, interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            portal.call(slow_to_cancel)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert lent not in _wakeup._idle  # still lent: the call has not ended

    async def end_it() -> None:
        assert release is not None
        release.set()
        for _ in range(10):  # let the abandoned task unwind and finish
            await asyncio.sleep(0)

    portal.call(end_it)
    assert lent in _wakeup._idle


def test_an_interrupt_while_the_call_is_handed_over_still_cancels_it(
    portal: Portal, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from devin_async._sync import _portal

    portal.call(lambda: _double(1))  # the loop is running
    loop = portal._state_for_caller().loop
    wake = loop.call_soon_threadsafe
    started, cancelled = threading.Event(), threading.Event()

    def interrupted_wake(callback: object, *args: object) -> object:
        handle = wake(callback, *args)  # type: ignore[arg-type]
        if getattr(callback, "__func__", None) is _portal._Handoff.start:
            raise KeyboardInterrupt  # Ctrl-C lands just after the call was handed over
        return handle

    async def waits_forever() -> None:
        started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    async def tasks_left() -> int:
        return len(asyncio.all_tasks()) - 1

    monkeypatch.setattr(loop, "call_soon_threadsafe", interrupted_wake)
    with pytest.raises(KeyboardInterrupt):
        portal.call(waits_forever)
    monkeypatch.undo()
    # Not left running on the loop: cancelled before its first step (a task made on the
    # loop thread runs one iteration later), or in it (one started eagerly, 3.12+).
    assert portal.call(tasks_left) == 0
    assert cancelled.is_set() or not started.is_set()
    assert portal.call(lambda: _double(2)) == 4


def test_many_threads_calling_at_once_each_get_their_own_answers(portal: Portal) -> None:
    import functools
    import threading

    threads, calls = 12, 150
    start = threading.Barrier(threads)
    wrong: list[tuple[int, int, object]] = []

    async def at_once(n: int) -> int:  # done in its first step: no await suspends it
        return n

    def caller(t: int) -> None:
        start.wait()
        for i in range(calls):
            n = t * calls + i
            coroutine, expected = (_double, 2 * n) if i % 2 else (at_once, n)
            got = portal.call(functools.partial(coroutine, n))
            if got != expected:
                wrong.append((t, i, got))

    workers = [threading.Thread(target=caller, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert not any(worker.is_alive() for worker in workers)
    assert wrong == []
