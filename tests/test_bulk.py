"""Fan-out: get_many and iter_many over an in-process transport that counts calls."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from inproc import InProcessAPI, client_for

from devin_async import (
    APITimeoutError,
    AsyncDevin,
    BulkError,
    BulkReport,
    ConfigurationError,
    Handler,
    NotFoundError,
    Outcome,
    OutcomeStatus,
    Request,
    Response,
    SessionResponse,
    V1Session,
)
from devin_async._fanout.engine import fan_out, fetch_all
from devin_async._pipeline.attempts import AttemptCounter
from devin_async.testing import FakeClock


def not_found(devin_id: str, _call: int) -> tuple[int, dict[str, object]] | None:
    return (404, {"detail": "Session not found"}) if devin_id.endswith("missing") else None


async def test_results_come_back_in_input_order_and_duplicates_are_fetched_once() -> None:
    api = InProcessAPI()
    ids = [f"devin-{i}" for i in (3, 1, 2, 1, 3, 4)]
    async with client_for(api) as client:
        sessions = await client.sessions.get_many(ids, concurrency=2)
    assert [s.session_id for s in sessions] == ids
    assert all(isinstance(s, SessionResponse) for s in sessions)
    assert api.calls == {f"devin-{i}": 1 for i in (1, 2, 3, 4)}
    assert sessions.report.total == 4
    assert sessions.report.succeeded == 4
    assert sessions.report.done == 4


@pytest.mark.parametrize(
    ("group", "model"),
    [("sessions", SessionResponse), ("enterprise", SessionResponse), ("v1", V1Session)],
)
async def test_every_sessions_group_has_get_many(group: str, model: type) -> None:
    api = InProcessAPI()
    async with client_for(api) as client:
        namespace = getattr(client, group)
        sessions = namespace if group == "sessions" else namespace.sessions
        got = await sessions.get_many(["devin-a", "devin-b"])
    assert [type(s) for s in got] == [model, model]
    assert [s.session_id for s in got] == ["devin-a", "devin-b"]


async def test_a_failure_does_not_stop_the_batch_and_raises_after_all_finished() -> None:
    api = InProcessAPI(script=not_found)
    ids = ["devin-1", "devin-missing", "devin-2", "devin-missing"]
    async with client_for(api) as client:
        with pytest.raises(BulkError) as caught:
            await client.sessions.get_many(ids, concurrency=1)
    err = caught.value
    assert [o.id for o in err.outcomes] == ids
    assert [o.status for o in err.outcomes] == [
        OutcomeStatus.OK,
        OutcomeStatus.FAILED,
        OutcomeStatus.OK,
        OutcomeStatus.FAILED,
    ]
    assert isinstance(err.outcomes[1].error, NotFoundError)
    assert err.outcomes[0].unwrap().session_id == "devin-1"
    assert [o.id for o in err.failures] == ["devin-missing", "devin-missing"]
    assert (err.report.succeeded, err.report.failed, err.report.timed_out) == (2, 1, 0)
    assert "1 failed" in str(err)
    assert "devin-missing" in str(err)
    assert api.calls["devin-missing"] == 1
    assert "cog_test_key" not in str(err) + repr(err.outcomes) + repr(err.report)


async def test_on_error_return_gives_one_outcome_per_id() -> None:
    api = InProcessAPI(script=not_found)
    async with client_for(api) as client:
        outcomes = await client.sessions.get_many(["devin-missing", "devin-1"], on_error="return")
    assert [(o.id, o.ok) for o in outcomes] == [("devin-missing", False), ("devin-1", True)]
    with pytest.raises(NotFoundError):
        outcomes[0].unwrap()
    assert outcomes[1].attempts == 1
    assert outcomes.report.counts == {
        OutcomeStatus.OK: 1,
        OutcomeStatus.FAILED: 1,
        OutcomeStatus.TIMED_OUT: 0,
    }


async def test_an_invalid_id_fails_alone_with_a_clear_error() -> None:
    api = InProcessAPI()
    async with client_for(api) as client:
        outcomes = await client.sessions.get_many(["devin-1", ".."], on_error="return")
    assert outcomes[0].ok
    assert isinstance(outcomes[1].error, ValueError)
    assert "not a valid id" in str(outcomes[1].error)
    assert list(api.calls) == ["devin-1"]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"ids": "devin-1"}, TypeError, "'ids' must be an iterable .not a str."),
        ({"ids": ["devin-1", 7]}, TypeError, "must be a str"),
        ({"concurrency": 0}, ValueError, "concurrency"),
        ({"concurrency": 2.5}, TypeError, "'concurrency' must be int or None"),
        ({"on_error": "ignore"}, ValueError, "on_error"),
        ({"deadline": -1}, ValueError, "deadline"),
    ],
)
async def test_bad_arguments_fail_at_once(
    kwargs: dict[str, object], error: type[Exception], match: str
) -> None:
    api = InProcessAPI()
    args: dict[str, object] = {"ids": ["devin-1"], **kwargs}
    async with client_for(api) as client:
        with pytest.raises(error, match=match):
            await client.sessions.get_many(**args)
    assert not api.calls


async def test_a_client_that_cannot_work_fails_the_batch_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DEVIN_ORG_ID", raising=False)
    api = InProcessAPI()
    async with client_for(api) as configured:
        no_org = AsyncDevin(api_key="cog_test_key", base_url=configured.base_url, transport=api)
        async with no_org:
            with pytest.raises(ConfigurationError, match="organization id"):
                await no_org.sessions.get_many([f"devin-{i}" for i in range(1000)])
            # like get, a batch checks the client when it sends: nothing to send, no error
            assert await no_org.sessions.get_many([]) == []
            assert [o async for o in no_org.sessions.iter_many([])] == []
    assert not api.calls


@pytest.mark.parametrize("batch", [False, True])
async def test_org_id_override_applies_to_every_id_and_v1_refuses_it(batch: bool) -> None:
    seen: list[str] = []
    api = InProcessAPI()

    async def spy(request: Request, call_next: Handler) -> Response:
        seen.append(request.path)
        return await call_next(request)

    async with client_for(api, middleware=[spy]) as client:
        await client.sessions.get_many(["devin-1", "devin-2"], org_id="org-other", batch=batch)
        with pytest.raises(TypeError, match="no org_id"):
            await client.v1.sessions.get_many(["devin-1"], org_id="org-other", batch=batch)
    listed = ["/v3/organizations/org-other/sessions"]  # both ids in one request
    one_by_one = [
        "/v3/organizations/org-other/sessions/devin-1",
        "/v3/organizations/org-other/sessions/devin-2",
    ]
    assert sorted(seen) == (listed if batch else one_by_one)


async def test_default_concurrency_is_the_connection_pool_size() -> None:
    api = InProcessAPI(hold=lambda _: True)
    api.watermark = 7
    async with client_for(api, pool_size=7) as client:
        ids = [f"devin-{i}" for i in range(20)]
        batch = asyncio.ensure_future(client.sessions.get_many(ids, batch=False))
        await api.all_in_flight.wait()
        for _ in range(5):  # give a wrongly unbounded fan-out the chance to start more
            await asyncio.sleep(0)
        assert api.in_flight == 7
        api.release.set()
        got = await batch
    assert len(got) == 20
    assert api.max_in_flight == 7


async def test_progress_reports_every_id_as_it_finishes() -> None:
    api = InProcessAPI(script=not_found)
    seen: list[BulkReport] = []
    ids = ["devin-1", "devin-missing", "devin-2", "devin-1"]
    async with client_for(api) as client:
        got = await client.sessions.get_many(ids, on_error="return", on_progress=seen.append)
        unwatched = await client.sessions.get_many(ids, on_error="return")
    assert [r.done for r in seen] == [1, 2, 3]
    assert {r.total for r in seen} == {3}
    assert seen[-1].failed == 1
    assert seen[-1].succeeded == 2
    # First tries are counted as they come when watched, at the end otherwise: same report.
    for report in (got.report, unwatched.report):
        assert (report.succeeded, report.failed, report.done) == (2, 1, 3)


async def test_retries_and_429s_are_counted_per_id_and_in_the_report() -> None:
    def flaky(devin_id: str, call: int) -> tuple[int, dict[str, object]] | None:
        if devin_id == "devin-flaky" and call < 3:
            return (429 if call == 1 else 503, {"detail": "try again"})
        return None

    api = InProcessAPI(script=flaky)
    async with client_for(api, clock=FakeClock()) as client:  # the real retry layer
        outcomes = await client.sessions.get_many(["devin-flaky", "devin-ok"], on_error="return")
    assert [(o.attempts, o.rate_limited) for o in outcomes] == [(3, 1), (1, 0)]
    assert outcomes.report.retries == 2
    assert outcomes.report.rate_limited == 1


@pytest.mark.parametrize("batch", [False, True])
async def test_iter_many_keeps_at_most_concurrency_requests_alive_over_100k_ids(
    batch: bool,
) -> None:
    api = InProcessAPI(fixed_body=True)
    pulled = 0
    peak_ahead = 0  # ids taken from the source but not yet handed back

    def ids() -> Iterator[str]:
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield f"devin-{i}"

    seen = 0
    async with client_for(api) as client:
        async for _devin_id, outcome in client.sessions.iter_many(
            ids(), concurrency=50, batch=batch
        ):
            assert outcome.ok
            seen += 1
            peak_ahead = max(peak_ahead, pulled - seen)
    assert seen == 100_000
    assert sum(api.calls.values()) == 100_000
    assert len(api.calls) == 100_000
    if batch:  # 200 ids a request: 500 of them, some 50 at a time
        assert (api.requests, api.lists) == (500, 500)
        assert 1 < api.max_in_flight <= 50
        # Lazily still: a chunk per worker at most, in flight or not yet taken.
        assert peak_ahead <= 50 * 200
    else:
        assert api.requests == 100_000
        assert api.max_in_flight == 50
        # At most 50 in flight plus 50 finished, not yet taken.
        assert peak_ahead <= 100


async def test_iter_many_takes_an_async_iterable_and_yields_in_completion_order() -> None:
    api = InProcessAPI(hold=lambda devin_id: devin_id == "devin-slow")

    async def ids() -> AsyncIterator[str]:
        for devin_id in ("devin-slow", "devin-1", "devin-2"):
            yield devin_id

    order: list[str] = []
    async with (
        client_for(api) as client,
        client.sessions.iter_many(ids(), concurrency=3, batch=False) as it,
    ):
        async for devin_id, outcome in it:
            order.append(devin_id)
            assert outcome.id == devin_id
            if len(order) == 2:
                api.release.set()
    assert order == ["devin-1", "devin-2", "devin-slow"]
    assert it.report.succeeded == 3
    assert it.report.total is None


def no_tasks_but_this_one() -> bool:
    return asyncio.all_tasks() == {asyncio.current_task()}


async def test_cancelling_the_caller_cancels_requests_in_flight_and_leaks_nothing() -> None:
    api = InProcessAPI(hold=lambda _: True)
    api.watermark = 4
    async with client_for(api) as client:
        batch = asyncio.ensure_future(
            client.sessions.get_many([f"devin-{i}" for i in range(100)], concurrency=4, batch=False)
        )
        await api.all_in_flight.wait()
        batch.cancel()
        with pytest.raises(asyncio.CancelledError):
            await batch
        assert api.in_flight == 0  # every held call was cancelled and unwound
        assert sum(api.calls.values()) == 4  # and nothing new was started
        assert no_tasks_but_this_one()


async def test_leaving_iter_many_early_cancels_what_is_in_flight() -> None:
    api = InProcessAPI(hold=lambda devin_id: devin_id != "devin-0")
    api.watermark = 3
    pulled = itertools.count()

    def ids() -> Iterator[str]:
        for i in range(1000):
            next(pulled)
            yield f"devin-{i}"

    async with client_for(api) as client:
        async with client.sessions.iter_many(ids(), concurrency=3, batch=False) as it:
            async for devin_id, _ in it:
                assert devin_id == "devin-0"
                await api.all_in_flight.wait()
                break
        assert api.in_flight == 0
        assert no_tasks_but_this_one()
    assert next(pulled) <= 2 * 3  # the source was not drained: 2 x concurrency at most


class ManualTimer:
    """A deadline that passes when the test says so."""

    def __init__(self) -> None:
        self.passed = asyncio.Event()
        self.asked: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.asked.append(seconds)
        await self.passed.wait()


async def test_at_the_deadline_unfinished_ids_time_out_and_none_go_missing() -> None:
    timer = ManualTimer()
    release_fast = asyncio.Event()
    started: list[str] = []
    changed = asyncio.Condition()

    async def fetch(devin_id: str) -> str:
        async with changed:
            started.append(devin_id)
            changed.notify_all()
        if devin_id in ("a", "b"):
            await release_fast.wait()
            return devin_id.upper()
        await asyncio.Event().wait()  # never answers
        raise AssertionError("unreachable")

    outcomes: dict[str, Outcome[str]] = {}
    stream = fan_out(fetch, "abcdef", concurrency=3, deadline=5, sleep=timer.sleep)
    with pytest.raises(TypeError, match="single str"):
        await anext(stream)

    stream = fan_out(fetch, list("abcdef"), concurrency=3, deadline=5, sleep=timer.sleep)
    consumer = asyncio.ensure_future(_collect(stream, outcomes))
    async with changed:
        await changed.wait_for(lambda: len(started) == 3)
    release_fast.set()  # a and b finish; d and e start and hang beside c
    async with changed:
        await changed.wait_for(lambda: len(started) == 5)
    timer.passed.set()
    await consumer
    assert timer.asked == [5]
    assert sorted(outcomes) == list("abcdef")
    assert outcomes["a"].unwrap() == "A"
    assert outcomes["b"].unwrap() == "B"
    timed_out = {k for k, o in outcomes.items() if o.status is OutcomeStatus.TIMED_OUT}
    assert timed_out == set("cdef")
    assert all(isinstance(outcomes[k].error, APITimeoutError) for k in timed_out)
    c_error, f_error = outcomes["c"].error, outcomes["f"].error
    assert isinstance(c_error, APITimeoutError) and isinstance(f_error, APITimeoutError)
    assert c_error.sent is True
    assert f_error.sent is False
    assert "never sent" in str(outcomes["f"].error)
    assert started == list("abcde")
    assert no_tasks_but_this_one()


async def _collect(stream: AsyncIterator[Outcome[str]], into: dict[str, Outcome[str]]) -> None:
    async for outcome in stream:
        into[outcome.id] = outcome


def test_fan_out_names_are_public() -> None:
    import devin_async

    for name in (
        "BulkError",
        "BulkIterator",
        "BulkReport",
        "BulkResult",
        "Outcome",
        "OutcomeStatus",
        "TerminalStates",
        "V1_TERMINAL",
        "V3_TERMINAL",
        "WaitTimeoutError",
    ):
        assert name in devin_async.__all__
        assert getattr(devin_async, name) is not None
    assert issubclass(devin_async.BulkError, devin_async.DevinError)
    assert issubclass(devin_async.WaitTimeoutError, devin_async.DevinError)


@pytest.mark.parametrize("first_try_apart", [False, True])
async def test_a_request_from_a_task_a_callback_starts_is_not_counted_to_an_id(
    first_try_apart: bool,
) -> None:
    counter = AttemptCounter()
    b_in_flight, side_sent = asyncio.Event(), asyncio.Event()

    async def send(request: Request) -> Response:
        if request.path == "/b":  # b stays in flight until the side request went out
            b_in_flight.set()
            await side_sent.wait()
        return Response(200, {}, b"{}", request)

    def fetch(devin_id: str) -> Any:
        return counter(Request("GET", "/" + devin_id), send)

    async def follow_up() -> None:  # say, a notification sent from a progress callback
        await b_in_flight.wait()
        await fetch("side")
        side_sent.set()

    outcomes: list[Outcome[Any]] = []
    started: list[asyncio.Task[None]] = []

    def on_outcome(outcome: Outcome[Any]) -> None:
        outcomes.append(outcome)
        if outcome.id == "a":
            started.append(asyncio.create_task(follow_up()))

    def on_first_try(devin_id: str, value: Any) -> None:  # as get_many keeps them
        on_outcome(Outcome(devin_id, OutcomeStatus.OK, value, None, 1, 0))

    await fetch_all(
        fetch,
        ["a", "b"],
        concurrency=1,
        on_outcome=on_outcome,
        on_first_try=on_first_try if first_try_apart else None,
    )
    await asyncio.gather(*started)
    assert [(o.id, o.attempts) for o in outcomes] == [("a", 1), ("b", 1)]


async def test_a_two_step_fetch_fails_one_id_when_its_finish_raises() -> None:
    from devin_async._fanout.engine import TwoStep

    async def start(devin_id: str) -> str:
        return devin_id.upper()

    def finish(answer: str) -> int:
        if answer == "BAD":
            raise ValueError("not a number")
        return len(answer)

    outcomes: dict[str, Outcome[int]] = {}
    await fetch_all(
        TwoStep(start, finish),
        ["ab", "bad", "abcd"],
        concurrency=2,
        on_outcome=lambda o: outcomes.__setitem__(o.id, o),
    )
    assert {i: o.value for i, o in outcomes.items() if o.ok} == {"ab": 2, "abcd": 4}
    assert outcomes["bad"].status is OutcomeStatus.FAILED
    assert isinstance(outcomes["bad"].error, ValueError)
