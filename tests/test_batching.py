"""Batched fan-out: many ids per request through the session lists' ``session_ids`` filter."""

from __future__ import annotations

import asyncio
import collections
import json
import logging
import math
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from inproc import V3_SESSION, InProcessAPI, client_for, listed_ids

from devin_async import (
    APITimeoutError,
    InternalServerError,
    NotFoundError,
    OutcomeStatus,
    Request,
    Response,
    RetryPolicy,
    SessionInsights,
)
from devin_async._fanout.chunks import QUERY_BYTES
from devin_async.testing import DropConnection, ErrorStatus, FakeClock, FakeDevin

_JSON = {"Content-Type": "application/json"}
Transport = Callable[[Request], Awaitable[Response]]


def page(request: Request, items: list[dict[str, Any]], *, more: bool = False) -> Response:
    body = {"items": items, "end_cursor": "c1" if more else None, "has_next_page": more}
    return Response(200, _JSON, json.dumps(body).encode(), request)


def session(devin_id: str, **fields: Any) -> dict[str, Any]:
    return {**V3_SESSION, "session_id": devin_id, **fields}


def lists_with(
    api: InProcessAPI, answer: Callable[[Request, list[str]], Response | None]
) -> Transport:
    """``api``, but each list request by id answered by ``answer`` (unless it returns None)."""

    async def transport(request: Request) -> Response:
        ids = listed_ids(request)
        if ids is not None:
            api.lists += 1
            api.requests += 1
            await asyncio.sleep(0)
            answered = answer(request, ids)
            if answered is not None:
                return answered
            api.lists -= 1
            api.requests -= 1
        response: Response = await api(request)
        return response

    return transport


def ids_of(n: int) -> list[str]:
    return [f"devin-{i:012x}" for i in range(n)]  # as long as the API's own ids


async def test_ids_go_200_per_request_in_input_order() -> None:
    api = InProcessAPI()
    ids = ids_of(1000)
    async with client_for(api) as client:
        sessions = await client.sessions.get_many([*ids, *ids[:10]], concurrency=4)
    assert [s.session_id for s in sessions] == [*ids, *ids[:10]]
    assert (api.lists, api.requests) == (5, 5)
    assert api.calls == {devin_id: 1 for devin_id in ids}
    report = sessions.report
    assert (report.total, report.succeeded, report.requests, report.retries) == (1000, 1000, 5, 0)


async def test_a_chunk_stays_under_the_query_bound_whatever_the_ids() -> None:
    sizes: list[int] = []
    queries: list[int] = []
    api = InProcessAPI()

    def measure(request: Request, ids: list[str]) -> None:
        sizes.append(len(ids))
        queries.append(len("&".join(f"{k}={v}" for k, v in request.params)))

    long_ids = [f"devin-{i:032x}" for i in range(1000)]  # 38 characters each
    async with client_for(api, transport=lists_with(api, measure)) as client:
        got = await client.sessions.get_many(long_ids)
    assert [s.session_id for s in got] == long_ids
    assert max(queries) < QUERY_BYTES + 100 < 8 * 1024
    assert max(sizes) == QUERY_BYTES // len("session_ids=&" + long_ids[0])
    assert sum(sizes) == 1000
    assert got.report.requests == math.ceil(1000 / max(sizes))


async def test_ids_missing_from_an_answer_get_their_own_get_and_outcome() -> None:
    def script(devin_id: str, _call: int) -> tuple[int, dict[str, Any]] | None:
        return (404, {"detail": "Session not found"}) if devin_id.endswith("gone") else None

    api = InProcessAPI(script=script)
    ids = ["devin-1", "devin-gone", "devin-2", "devin-also-gone"]
    async with client_for(api) as client:
        outcomes = await client.sessions.get_many(ids, on_error="return")
    assert [o.status for o in outcomes] == ["ok", "failed", "ok", "failed"]
    assert isinstance(outcomes[1].error, NotFoundError)
    assert (outcomes[0].attempts, outcomes[1].attempts) == (1, 1)
    assert (api.lists, api.requests) == (1, 3)  # one list, then a GET per missing id
    assert outcomes.report.requests == 3


async def test_a_session_not_asked_for_stops_batching_for_that_client(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = InProcessAPI()

    def unfiltered(request: Request, ids: list[str]) -> Response:
        return page(request, [session("devin-stranger"), *(session(i) for i in ids)])

    ids = ids_of(300)
    with caplog.at_level(logging.WARNING, logger="devin_async"):
        async with client_for(api, transport=lists_with(api, unfiltered)) as client:
            first = await client.sessions.get_many(ids, concurrency=1)
            lists = api.lists
            again = await client.sessions.get_many(ids[:10])
        async with client_for(api, transport=lists_with(api, unfiltered)) as other:
            await other.sessions.get_many(ids[:2], on_error="return")
    assert [s.session_id for s in first] == ids
    assert [s.session_id for s in again] == ids[:10]
    assert lists == 1  # the first answer gave it away: every id then went by itself
    assert first.report.requests == 301
    assert api.lists == 2  # none for the same client again; another client tries afresh
    warnings = [r for r in caplog.records if "not asked for" in r.getMessage()]
    assert len(warnings) == 2  # once per client
    assert "one id per request" in warnings[0].getMessage()


async def test_an_answer_that_is_no_page_sends_its_ids_one_by_one() -> None:
    api = InProcessAPI()

    def not_a_page(request: Request, ids: list[str]) -> Response:
        return Response(200, _JSON, b'{"detail": "ok"}', request)

    async with client_for(api, transport=lists_with(api, not_a_page)) as client:
        got = await client.sessions.get_many(ids_of(3))
    assert [s.session_id for s in got] == ids_of(3)
    assert (api.lists, api.requests) == (1, 4)


async def test_a_414_halves_the_chunks_of_that_client() -> None:
    api = InProcessAPI()
    sizes: list[int] = []

    def short_urls_only(request: Request, ids: list[str]) -> Response | None:
        sizes.append(len(ids))
        if len(ids) > 60:
            return Response(414, {}, b"URI Too Long", request)
        return None

    ids = ids_of(400)
    async with client_for(api, transport=lists_with(api, short_urls_only)) as client:
        got = await client.sessions.get_many(ids, concurrency=1)
        sizes_first = list(sizes)
        sizes.clear()
        await client.sessions.get_many(ids[:120])
    assert [s.session_id for s in got] == ids
    assert sizes_first[:3] == [200, 100, 50]  # halved until it fits, then kept
    assert set(sizes_first[3:]) == {50}
    assert sum(n for n in sizes_first if n <= 60) == 400
    assert sizes == [50, 50, 20]  # the client remembers
    assert got.report.failed == 0


async def test_an_answer_paged_by_fewer_sends_the_rest_again() -> None:
    api = InProcessAPI()
    sizes: list[int] = []

    def fifty_a_page(request: Request, ids: list[str]) -> Response:
        sizes.append(len(ids))
        return page(request, [session(i) for i in ids[:50]], more=len(ids) > 50)

    ids = ids_of(200)
    async with client_for(api, transport=lists_with(api, fifty_a_page)) as client:
        got = await client.sessions.get_many(ids, concurrency=1)
    assert [s.session_id for s in got] == ids
    assert sizes == [200, 50, 50, 50]
    assert api.requests == 4  # nothing went one by one


async def test_a_refused_list_sends_that_chunk_one_by_one_and_later_chunks_still_try(
    caplog: pytest.LogCaptureFixture,
) -> None:
    api = InProcessAPI()

    def refuse(request: Request, ids: list[str]) -> Response:
        return Response(422, _JSON, b'{"detail": "no"}', request)

    with caplog.at_level(logging.WARNING, logger="devin_async"):
        async with client_for(api, transport=lists_with(api, refuse)) as client:
            got = await client.sessions.get_many(ids_of(400), concurrency=1)
    assert len(got) == 400
    assert api.lists == 2
    assert got.report.requests == 402
    assert len([r for r in caplog.records if "refused" in r.getMessage()]) == 1


async def test_a_chunk_failing_after_its_retries_fails_each_of_its_ids() -> None:
    api = InProcessAPI()

    def down(request: Request, ids: list[str]) -> Response:
        return Response(503, _JSON, b'{"detail": "down"}', request)

    transport = lists_with(api, down)
    async with client_for(api, transport=transport, clock=FakeClock(), max_retries=1) as client:
        # "devin 3" cannot travel in a query as it is: it has its own GET, and is fine
        outcomes = await client.sessions.get_many([*ids_of(3), "devin 3"], on_error="return")
    assert [o.status for o in outcomes] == ["failed"] * 3 + ["ok"]
    assert all(isinstance(o.error, InternalServerError) for o in outcomes[:3])
    assert [o.attempts for o in outcomes] == [2, 2, 2, 1]  # the chunk's request, retried once
    report = outcomes.report
    assert (report.requests, report.retries, report.failed) == (3, 1, 3)
    assert api.requests == 3


async def test_an_item_that_does_not_decode_or_comes_twice_is_fetched_by_itself() -> None:
    api = InProcessAPI()

    def odd(request: Request, ids: list[str]) -> Response:
        a, b, c = ids
        return page(request, [session(a, acus_consumed="lots"), session(b), session(b), session(c)])

    async with client_for(api, transport=lists_with(api, odd)) as client:
        got = await client.sessions.get_many(ids_of(3))
    assert [s.session_id for s in got] == ids_of(3)
    assert [s.acus_consumed for s in got] == [1.5, 1.5, 1.5]  # a and b as their own GETs said
    assert (api.lists, api.requests) == (1, 3)


async def test_batch_false_and_v1_send_one_request_per_id() -> None:
    api = InProcessAPI()
    async with client_for(api) as client:
        one_by_one = await client.sessions.get_many(ids_of(5), batch=False)
        v1 = await client.v1.sessions.get_many(ids_of(5))
    assert (api.lists, api.requests) == (0, 10)
    assert (one_by_one.report.requests, v1.report.requests) == (5, 5)


async def test_chunks_in_flight_are_bounded_by_concurrency() -> None:
    api = InProcessAPI(hold=lambda _: True)
    api.watermark = 3
    async with client_for(api, pool_size=3) as client:
        batch = asyncio.ensure_future(client.sessions.get_many(ids_of(2000)))
        await api.all_in_flight.wait()
        for _ in range(5):  # give a wrongly unbounded fan-out the chance to start more
            await asyncio.sleep(0)
        assert api.in_flight == 3
        api.release.set()
        got = await batch
    assert len(got) == 2000
    assert (api.max_in_flight, api.lists) == (3, 10)


class DeadlineOnCue:
    """A clock whose only wait, the batch deadline, passes when the test says so."""

    def __init__(self) -> None:
        self.passed = asyncio.Event()

    def now(self) -> float:
        return 0.0

    async def sleep(self, seconds: float) -> None:
        await self.passed.wait()


@pytest.mark.parametrize("iterate", [False, True])
async def test_at_the_deadline_every_id_of_every_chunk_comes_back(iterate: bool) -> None:
    api = InProcessAPI(hold=lambda devin_id: devin_id != "devin-000000000000")
    api.watermark = 2
    clock = DeadlineOnCue()
    ids = ids_of(500)
    async with client_for(api, clock=clock) as client:
        if iterate:
            it = client.sessions.iter_many(ids, concurrency=2, deadline=5)
            pending = asyncio.ensure_future(_drain(it))
        else:
            pending = asyncio.ensure_future(
                client.sessions.get_many(ids, concurrency=2, deadline=5, on_error="return")
            )
        await api.all_in_flight.wait()
        clock.passed.set()
        outcomes = {o.id: o for o in await pending}
        assert api.in_flight == 0
    assert sorted(outcomes) == ids
    assert all(o.status is OutcomeStatus.TIMED_OUT for o in outcomes.values())
    sent = [o.id for o in outcomes.values() if o.error.sent]
    assert len(sent) == 400  # the two chunks in flight; the last hundred never went
    assert all(isinstance(o.error, APITimeoutError) for o in outcomes.values())


async def _drain(it: Any) -> list[Any]:
    async with it:
        return [outcome async for _, outcome in it]


async def test_an_async_source_that_waits_for_outcomes_is_never_kept_waiting() -> None:
    api = InProcessAPI()
    seen = asyncio.Queue[str]()

    async def one_after_another() -> AsyncIterator[str]:
        for devin_id in ids_of(5):
            yield devin_id
            assert await seen.get() == devin_id  # the next id only once this one is back

    async def fast() -> AsyncIterator[str]:
        for devin_id in ids_of(1000):
            yield devin_id

    async with client_for(api) as client:
        async with client.sessions.iter_many(one_after_another()) as it:
            async for devin_id, outcome in it:
                assert outcome.ok
                seen.put_nowait(devin_id)
        assert (api.lists, api.requests) == (0, 5)  # never two ids at hand: one GET each
        async with client.sessions.iter_many(fast(), concurrency=4) as it:
            got = [devin_id async for devin_id, _ in it]
    assert sorted(got) == ids_of(1000)
    assert api.lists <= 10  # chunks filled from what the source had yielded
    assert it.report.requests == api.requests - 5


async def test_wait_many_polls_each_round_in_chunks() -> None:
    def script(devin_id: str, call: int) -> tuple[int, dict[str, Any]] | None:
        if devin_id == "devin-missing":
            return 404, {"detail": "Session not found"}
        if devin_id.endswith("0"):
            return 200, {"status": "exit"}
        done = call >= 3
        return 200, {"status": "running", "status_detail": "finished" if done else "working"}

    api = InProcessAPI(script=script)
    ids = [*ids_of(400), "devin-missing"]
    async with client_for(api, clock=FakeClock()) as client:
        outcomes = await client.sessions.wait_many(ids, on_error="return")
    assert [o.id for o in outcomes] == ids
    assert [o.status for o in outcomes].count(OutcomeStatus.OK) == 400
    assert outcomes[-1].status is OutcomeStatus.FAILED
    # round 1: two lists and the missing id's GET; rounds 2 and 3: the unsettled ones
    assert api.requests == outcomes.report.requests == 2 + 1 + 2 + 2
    assert api.calls["devin-missing"] == 1
    assert max(api.calls.values()) == 3


async def test_cancelling_a_batched_get_many_cancels_its_chunks() -> None:
    api = InProcessAPI(hold=lambda _: True)
    api.watermark = 2
    async with client_for(api) as client:
        batch = asyncio.ensure_future(client.sessions.get_many(ids_of(1000), concurrency=2))
        await api.all_in_flight.wait()
        batch.cancel()
        with pytest.raises(asyncio.CancelledError):
            await batch
        assert api.in_flight == 0
        assert api.requests == 2
        assert asyncio.all_tasks() == {asyncio.current_task()}


async def test_over_the_fake_org_enterprise_and_insights_lists_batch() -> None:
    async with FakeDevin(seed=False) as fake:
        mine = [fake.state.add_session()["session_id"] for _ in range(250)]
        theirs = fake.state.add_session(org_id="org-other")["session_id"]
        ids = [*mine, theirs]
        async with fake.client() as client:
            org = await client.sessions.get_many(ids, on_error="return")
            anywhere = await client.enterprise.sessions.get_many(ids)
            narrowed = await client.enterprise.sessions.get_many(
                ids, org_id=fake.state.default_org_id, on_error="return"
            )
            insights = await client.sessions.insights_many(mine)
            enterprise_insights = await client.enterprise.sessions.insights_many(ids)
        seen = fake.state.seen
    org_path = f"/v3/organizations/{fake.state.default_org_id}/sessions"
    assert [o.ok for o in org] == [True] * 250 + [False]
    assert isinstance(org[-1].error, NotFoundError)  # its own GET says so
    assert [s.session_id for s in anywhere] == ids
    assert [o.ok for o in narrowed] == [True] * 250 + [False]
    assert [s.session_id for s in insights] == mine
    assert all(isinstance(s, SessionInsights) for s in [*insights, *enterprise_insights])
    assert [s.session_id for s in enterprise_insights] == ids
    ent_path = "/v3/enterprise/sessions"
    sent = collections.Counter(
        (r.path, len([v for k, v in r.query if k == "session_ids"])) for r in seen
    )
    assert sent == {
        (org_path, 200): 1,
        (org_path, 51): 1,
        (f"{org_path}/{theirs}", 0): 1,
        (ent_path, 200): 2,
        (ent_path, 51): 2,
        (f"{ent_path}/{theirs}", 0): 1,
        (f"{org_path}/insights", 200): 1,
        (f"{org_path}/insights", 50): 1,
        (f"{ent_path}/insights", 200): 1,
        (f"{ent_path}/insights", 51): 1,
    }
    narrowing = [dict(r.query).get("org_ids") for r in seen if r.path == ent_path]
    assert collections.Counter(narrowing) == {fake.state.default_org_id: 2, None: 2}


async def test_over_the_fake_faults_on_chunks_are_retried_and_counted() -> None:
    clock = FakeClock()
    async with FakeDevin(clock=clock, seed=False) as fake:
        ids = [fake.state.add_session()["session_id"] for _ in range(10_000)]
        path = "/v3/organizations/"
        e503 = fake.faults.add(ErrorStatus(503), path=path, times=3)
        e429 = fake.faults.add(ErrorStatus(429, retry_after=1), path=path, times=2)
        drop = fake.faults.add(DropConnection(), path=path, times=1)
        async with fake.client(retry=RetryPolicy(max_retries=8)) as client:
            sessions = await client.sessions.get_many(ids)
        seen = len(fake.state.seen)
    assert [s.session_id for s in sessions] == ids
    report = sessions.report
    assert (report.succeeded, report.failed, report.rate_limited) == (10_000, 0, 2)
    assert seen == 50 + e503.hits + e429.hits + drop.hits  # 200 ids a request
    assert 5 <= report.retries <= 6  # a drop may be resent by aiohttp itself, unseen
    assert report.requests == 50 + report.retries
    assert clock.now() >= 1  # the 429 paused the client


async def test_the_blocking_client_batches_too() -> None:
    async with FakeDevin(seed=False) as fake:
        ids = [fake.state.add_session()["session_id"] for _ in range(300)]
        with fake.sync_client() as client:
            got = client.sessions.get_many(ids)
            insights = client.sessions.insights_many(ids[:5], batch=False)
    assert [s.session_id for s in got] == ids
    assert (got.report.requests, insights.report.requests) == (2, 5)
