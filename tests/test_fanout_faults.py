"""Fan-out over the fake API with injected faults, on a fake clock (nothing sleeps for real)."""

from __future__ import annotations

import asyncio

import pytest

from devin_async import APITimeoutError, BulkReport, OutcomeStatus, RetryPolicy
from devin_async.testing import DropConnection, ErrorStatus, FakeClock, FakeDevin, SlowResponse

SESSIONS = "/v3/organizations/"


async def test_10k_ids_under_503_429_and_drops_all_succeed_each_exactly_once() -> None:
    clock = FakeClock()
    async with FakeDevin(clock=clock, seed=False) as fake:
        ids = [fake.state.add_session()["session_id"] for _ in range(10_000)]
        # Each rule draws only for requests the ones before it let through, so these
        # conditional odds give 10 % 503, 5 % 429 and 2 % drops of all requests.
        e503 = fake.faults.add(ErrorStatus(503), path=SESSIONS, probability=0.10, times=None)
        e429 = fake.faults.add(
            ErrorStatus(429, retry_after=1), path=SESSIONS, probability=0.05 / 0.90, times=None
        )
        drop = fake.faults.add(DropConnection(), path=SESSIONS, probability=0.02 / 0.85, times=None)
        # Enough retries that 17 % failures per attempt can't exhaust any id by chance
        # (0.17**13 per id), and a budget for the virtual seconds of 429 pauses.
        policy = RetryPolicy(max_retries=12, budget=3600, max_retry_after=60)
        async with fake.client(retry=policy) as client:
            sessions = await client.sessions.get_many(ids, batch=False)

    assert [s.session_id for s in sessions] == ids
    report = sessions.report
    assert (report.total, report.succeeded) == (10_000, 10_000)
    assert (report.failed, report.timed_out) == (0, 0)
    faults = e503.hits + e429.hits + drop.hits
    # Every injected fault cost exactly one retry, and every retry was a fault.
    # Every fault cost exactly one more request. Ours are counted as retries; aiohttp
    # itself resends a GET once when a reused keep-alive connection drops, unseen by
    # the pipeline, so some drops are not in the count.
    assert len(fake.state.seen) == 10_000 + faults
    assert e503.hits + e429.hits <= report.retries <= faults
    assert report.rate_limited == e429.hits
    assert 0.15 < faults / len(fake.state.seen) < 0.19
    assert min(e503.hits, e429.hits, drop.hits) > 0
    assert clock.now() > 0  # the 429 pauses passed in virtual time


@pytest.mark.parametrize("batch", [False, True])
async def test_a_429_storm_slows_the_batch_down_but_fails_nothing(batch: bool) -> None:
    clock = FakeClock()
    async with FakeDevin(clock=clock, seed=False) as fake:
        ids = [fake.state.add_session()["session_id"] for _ in range(200)]
        storm = fake.faults.add(ErrorStatus(429, retry_after=2), path=SESSIONS, times=150)
        # Enough retries for one id to meet every 429 of the storm: which ids the gate
        # lets through first depends on random jitter, and no id may fail.
        retry = RetryPolicy(max_retries=150, budget=36_000)
        async with fake.client(retry=retry) as client:
            sessions = await client.sessions.get_many(ids, concurrency=16, batch=batch)
    assert [s.session_id for s in sessions] == ids
    assert storm.hits == 150
    assert sessions.report.rate_limited == 150
    assert clock.now() >= 2  # the client paused as asked


class DeadlineOnCue:
    """A clock whose only wait, the batch deadline, passes when the test says so."""

    def __init__(self) -> None:
        self.passed = asyncio.Event()
        self.asked: list[float] = []

    def now(self) -> float:
        return 0.0

    async def sleep(self, seconds: float) -> None:
        self.asked.append(seconds)
        await self.passed.wait()


async def test_deadline_times_out_only_the_stuck_ids_and_cancels_their_requests() -> None:
    clock = DeadlineOnCue()
    async with FakeDevin(seed=False) as fake:
        ids = [fake.state.add_session()["session_id"] for _ in range(6)]
        stuck = SlowResponse(max_hold=30)
        fake.faults.add(stuck, path=f"{SESSIONS}{fake.state.default_org_id}/sessions/{ids[2]}")

        def on_progress(report: BulkReport) -> None:
            if report.done == 5:  # everything but the stuck one: now the deadline passes
                clock.passed.set()

        async with fake.client(clock=clock) as client:
            outcomes = await client.sessions.get_many(
                ids,
                concurrency=2,
                deadline=10,
                on_error="return",
                on_progress=on_progress,
                batch=False,
            )
            assert stuck.held == 1  # still held by the server: the client gave up on it
        stuck.release()
    assert clock.asked == [10]
    assert [o.id for o in outcomes] == ids
    assert [o.ok for o in outcomes] == [True, True, False, True, True, True]
    assert outcomes[2].status is OutcomeStatus.TIMED_OUT
    assert isinstance(outcomes[2].error, APITimeoutError)
    assert outcomes.report.timed_out == 1


async def test_cancelling_get_many_over_a_socket_leaves_no_task_or_connection() -> None:
    async with FakeDevin(seed=False) as fake:
        ids = [fake.state.add_session()["session_id"] for _ in range(50)]
        slow = SlowResponse(max_hold=30)
        fake.faults.add(slow, path=SESSIONS, times=None)
        async with fake.client() as client:
            batch = asyncio.ensure_future(client.sessions.get_many(ids, concurrency=5, batch=False))
            while slow.held < 5:  # noqa: ASYNC110  # the server's own counter, no event to wait on
                await asyncio.sleep(0.001)
            batch.cancel()
            await asyncio.gather(batch, return_exceptions=True)
            assert batch.cancelled()
            slow.release()  # so the server's own handlers finish too
    assert asyncio.all_tasks() == {asyncio.current_task()}
    assert len(fake.state.seen) == 5  # nothing was sent after the cancel
