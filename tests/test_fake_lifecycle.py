"""Fake sessions live: they play a story on the fake's clock, answer messages, settle."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from devin_async import AsyncDevin, BadRequestError
from devin_async.models import SessionStatus, SessionStatusDetail
from devin_async.testing import DEFAULT_STORY, FakeClock, FakeDevin, Story
from devin_async.testing._state.sample import sample_of

PR = "https://github.com/acme/app/pull/7"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=1_767_225_600.0)


@pytest.fixture
async def fake(clock: FakeClock) -> AsyncIterator[FakeDevin]:
    async with FakeDevin(clock=clock) as server:
        yield server


@pytest.fixture
async def client(fake: FakeDevin) -> AsyncIterator[AsyncDevin]:
    async with fake.client() as c:
        yield c


async def natural_program(client: AsyncDevin) -> list[Any]:
    """What a new user writes: create 20 sessions, message each, wait for them all."""
    sessions = [await client.sessions.create(f"Fix bug #{i}") for i in range(20)]
    for s in sessions:
        await client.sessions.send_message(s.session_id, "Please add a test too")
    return list(await client.sessions.wait_many([s.session_id for s in sessions]))


def settled(session: Any) -> tuple[str, str | None]:
    return str(session.status), session.status_detail and str(session.status_detail)


async def test_the_natural_program_settles_in_simulated_time(
    client: AsyncDevin, clock: FakeClock
) -> None:
    began = time.perf_counter()
    done = await natural_program(client)
    assert time.perf_counter() - began < 1.0
    assert [settled(s) for s in done] == [("running", "finished")] * 20
    assert clock.now() - 1_767_225_600.0 == 5.0  # polled at 0, 2 and 5 s of fake time
    replies = [m async for m in client.sessions.messages(done[0].session_id)]
    assert [(m.source, m.message) for m in replies] == [
        ("user", "Fix bug #0"),
        ("user", "Please add a test too"),
        ("devin", "Done: Please add a test too"),
    ]
    assert done[0].acus_consumed == pytest.approx(0.3)  # 3 s of work at 0.1 ACU/s


async def test_the_natural_program_settles_in_scaled_real_time() -> None:
    # Real time 1000 x faster: the story's 5 s and the polls' 2 + 3 s take 5 ms.
    async with FakeDevin(speed=1000) as fake, fake.client() as client:
        began = time.perf_counter()
        done = await natural_program(client)
    assert time.perf_counter() - began < 1.0
    assert [settled(s) for s in done] == [("running", "finished")] * 20


async def test_an_instant_story_has_happened_by_the_next_read() -> None:
    async with FakeDevin() as fake, fake.client() as client:  # the real clock
        fake.state.story = DEFAULT_STORY.instant()
        created = await client.sessions.create("Bump the lockfile")
        assert created.status is SessionStatus.NEW
        session = await client.sessions.get(created.session_id)
        assert session.status_detail is SessionStatusDetail.FINISHED


async def test_a_session_moves_through_the_states_the_api_reports(
    fake: FakeDevin, client: AsyncDevin, clock: FakeClock
) -> None:
    sid = (await client.sessions.create("Bump the lockfile")).session_id
    seen = []
    for _ in range(6):
        seen.append(settled(await client.sessions.get(sid)))
        clock.advance(1)
    assert seen == [
        ("new", None),
        ("claimed", None),
        ("running", "working"),
        ("running", "working"),
        ("running", "working"),
        ("running", "finished"),
    ]


async def test_a_scripted_story_asks_then_finishes_with_a_pull_request(
    fake: FakeDevin, client: AsyncDevin, clock: FakeClock
) -> None:
    fake.state.story = (
        Story().claim().work().ask("Which branch?", after=2).work().finish(after=5, pr=PR)
    )
    sid = (await client.sessions.create("Deploy the fix")).session_id

    asking = await client.sessions.wait(sid)
    assert asking.status_detail is SessionStatusDetail.WAITING_FOR_USER
    assert (await client.v1.sessions.get(sid)).status_enum == "blocked"
    last = [m async for m in client.sessions.messages(sid)][-1]
    assert (last.source, last.message) == ("devin", "Which branch?")

    answered = await client.sessions.send_message(sid, "main")
    assert answered.status_detail is SessionStatusDetail.WORKING
    asked_at = clock.now()
    done = await client.sessions.wait(sid)
    assert done.status_detail is SessionStatusDetail.FINISHED
    assert [p.pr_url for p in done.pull_requests] == [PR]
    assert done.updated_at.timestamp() == asked_at + 5  # counted from the answer
    # Every family reads the same session.
    assert (await client.v1.sessions.get(sid)).pull_request.url == PR  # type: ignore[union-attr]
    assert (await client.enterprise.sessions.get(sid)).status_detail == "finished"


async def test_the_story_may_be_chosen_per_session(fake: FakeDevin, client: AsyncDevin) -> None:
    fails = Story().claim().fail(after=1)
    fake.state.story = lambda s: fails if "flaky" in s["prompt"] else DEFAULT_STORY
    bad = await client.sessions.create("Fix the flaky test")
    good = await client.sessions.create("Bump the lockfile")
    done = await client.sessions.wait_many([bad.session_id, good.session_id])
    assert [settled(s) for s in done] == [("error", "error"), ("running", "finished")]


async def test_terminating_shows_in_every_family(client: AsyncDevin) -> None:
    sid = (await client.sessions.create("Bump the lockfile")).session_id
    await client.sessions.terminate(sid)
    assert (await client.v1.sessions.get(sid)).status_enum == "finished"
    assert (await client.v1.sessions.wait(sid)).status == "exit"
    assert (await client.enterprise.sessions.get(sid)).status is SessionStatus.EXIT
    with pytest.raises(BadRequestError, match="has ended"):
        await client.sessions.send_message(sid, "hello?")


async def test_a_settled_session_answers_a_message_then_settles_again(
    client: AsyncDevin, clock: FakeClock
) -> None:
    sid = "devin-abc123def456"  # seeded: running/finished, and it stays so until told more
    clock.advance(3600)
    assert (await client.sessions.get(sid)).status_detail is SessionStatusDetail.FINISHED
    woken = await client.sessions.send_message(sid, "Also bump the minor version")
    assert woken.status_detail is SessionStatusDetail.WORKING
    done = await client.sessions.wait(sid)
    assert done.status_detail is SessionStatusDetail.FINISHED
    last = [m async for m in client.sessions.messages(sid)][-1]
    assert (last.source, last.message) == ("devin", "Done: Also bump the minor version")


async def test_a_scripted_reply(fake: FakeDevin, client: AsyncDevin) -> None:
    fake.state.story = Story(reply=lambda m: f"Sure, {m.lower()}").claim().work().finish(after=1)
    sid = (await client.sessions.create("Bump the lockfile")).session_id
    await client.sessions.send_message(sid, "Pin NumPy")
    await client.sessions.wait(sid)
    messages = [m.message async for m in client.sessions.messages(sid)]
    assert messages[-1] == "Sure, pin numpy"


async def test_structured_output_is_filled_when_a_schema_was_given(client: AsyncDevin) -> None:
    schema = {
        "type": "object",
        "properties": {"files": {"type": "array", "items": {"type": "string"}}, "ok": {}},
    }
    sid = (await client.sessions.create("Count files", structured_output_schema=schema)).session_id
    assert (await client.sessions.get(sid)).structured_output is None
    done = await client.sessions.wait(sid)
    assert done.structured_output == {"files": ["example"], "ok": None}


async def test_a_scripted_output_wins_over_the_schema(fake: FakeDevin, client: AsyncDevin) -> None:
    fake.state.story = Story().work().finish(after=1, output={"files": 3})
    created = await client.sessions.create("Count", structured_output_schema={"type": "object"})
    assert (await client.sessions.wait(created.session_id)).structured_output == {"files": 3}


async def test_acus_accrue_and_an_acu_limit_suspends(fake: FakeDevin, client: AsyncDevin) -> None:
    fake.state.story = Story(acu_rate=0.5).work().finish(after=10)
    sid = (await client.sessions.create("Refactor", max_acu_limit=2)).session_id
    done = await client.sessions.wait(sid)
    assert settled(done) == ("suspended", "usage_limit_exceeded")
    assert done.acus_consumed == 2.0
    assert done.updated_at.timestamp() == 1_767_225_600.0 + 4  # 2 ACUs at 0.5 per second


async def test_generating_insights_takes_a_while(client: AsyncDevin, clock: FakeClock) -> None:
    sid = (await client.sessions.create("Explain the build")).session_id
    assert (await client.sessions.generate_insights(sid)).status == "started"
    assert (await client.sessions.insights(sid)).analysis is None
    assert (await client.sessions.generate_insights(sid)).status == "already_exists"
    clock.advance(3)
    assert (await client.sessions.insights(sid)).analysis is not None


async def test_added_sessions_stay_as_given_unless_told_a_story(
    fake: FakeDevin, client: AsyncDevin, clock: FakeClock
) -> None:
    still = fake.state.add_session(status="suspended", status_detail="inactivity")
    moving = fake.state.add_session(status="new", status_detail=None, story=DEFAULT_STORY)
    clock.advance(60)
    fake.state.advance()  # a test reading records directly catches up by hand
    assert (still["status"], moving["status_detail"]) == ("suspended", "finished")
    got = await client.sessions.get(still["session_id"])
    assert got.status is SessionStatus.SUSPENDED


def test_story_delays_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="after"):
        Story().claim(after=-1)
    with pytest.raises(ValueError, match="factor"):
        DEFAULT_STORY.scaled(-1)
    assert DEFAULT_STORY.scaled(2).steps[-1].after == 6.0


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        ({"type": "integer"}, 1),
        ({"type": ["null", "number"]}, 1.0),
        ({"enum": ["a", "b"]}, "a"),
        ({"const": 3}, 3),
        ({"type": "string", "default": "x"}, "x"),
        ({"examples": [7]}, 7),
        ({"anyOf": [{"type": "boolean"}, {"type": "string"}]}, True),
        ({"allOf": [{"type": "object"}, {"properties": {"n": {"type": "integer"}}}]}, {"n": 1}),
        ({"$defs": {"n": {"type": "integer"}}, "items": {"$ref": "#/$defs/n"}}, [1]),
        ({"type": "array"}, []),
        (True, None),
    ],
)
def test_a_sample_fits_its_schema(schema: Any, value: Any) -> None:
    assert sample_of(schema) == value


async def test_v1_sessions_live_too(client: AsyncDevin) -> None:
    created = await client.v1.sessions.create("Fix the flaky test")
    assert (await client.v1.sessions.get(created.session_id)).status_enum == "working"
    done = await client.v1.sessions.wait(created.session_id)
    assert (done.status, done.status_enum) == ("running", "finished")


async def test_an_answer_to_a_last_question_is_replied_to(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    fake.state.story = Story().work().ask("Ship it?")
    sid = (await client.sessions.create("Prepare the release")).session_id
    assert (await client.sessions.wait(sid)).status_detail is SessionStatusDetail.WAITING_FOR_USER
    await client.sessions.send_message(sid, "yes")
    assert (await client.sessions.wait(sid)).status_detail is SessionStatusDetail.FINISHED
    said = [(m.source, m.message) async for m in client.sessions.messages(sid)][-3:]
    assert said == [("devin", "Ship it?"), ("user", "yes"), ("devin", "Done: yes")]
