"""wait and wait_many: terminal rules, backoff, max_wait, failures; on a fake clock."""

from __future__ import annotations

from typing import Any

import pytest
from inproc import InProcessAPI, client_for, v3_session

from devin_async import (
    V1_TERMINAL,
    V3_TERMINAL,
    BulkError,
    NotFoundError,
    OutcomeStatus,
    TerminalStates,
    WaitTimeoutError,
)
from devin_async._fanout.polling import poll_delays
from devin_async.testing import FakeClock

Answer = tuple[int, dict[str, Any]]


def states(*sequence: dict[str, Any]) -> Any:
    """A script answering each id's n-th poll with the n-th state (the last one repeats)."""

    def script(devin_id: str, call: int) -> Answer | None:
        if devin_id.endswith("missing"):
            return 404, {"detail": "Session not found"}
        return 200, sequence[min(call, len(sequence)) - 1]

    return script


WORKING = {"status": "running", "status_detail": "working"}
FINISHED = {"status": "running", "status_detail": "finished"}


@pytest.mark.parametrize(
    ("status", "detail", "terminal"),
    [
        ("exit", None, True),
        ("error", "error", True),
        ("suspended", "inactivity", True),
        ("running", "finished", True),
        ("running", "waiting_for_user", True),
        ("running", "waiting_for_approval", True),
        ("running", "working", False),
        ("running", None, False),
        ("new", None, False),
        ("resuming", None, False),
        ("paused_by_new_server_state", None, False),  # unknown states keep the wait going
    ],
)
def test_v3_terminal_states(status: str, detail: str | None, terminal: bool) -> None:
    assert V3_TERMINAL(v3_session(status=status, status_detail=detail)) is terminal


def test_terminal_states_are_configurable_and_v1_reads_status_enum() -> None:
    only_finished = TerminalStates(statuses={"exit"}, running_details={"finished"})
    waiting = v3_session(status_detail="waiting_for_user")
    assert V3_TERMINAL(waiting)
    assert not only_finished(waiting)
    assert V1_TERMINAL.field == "status_enum"
    assert V1_TERMINAL.statuses == {"finished", "expired", "blocked"}
    with pytest.raises(TypeError, match="single str"):
        TerminalStates(statuses="exit")


def test_poll_delays_grow_by_half_up_to_the_cap() -> None:
    delays = poll_delays(2, 10)
    assert [next(delays) for _ in range(6)] == [2, 3, 4.5, 6.75, 10, 10]
    for bad in ((0, 10), (5, 1), (-1, 3)):
        with pytest.raises(ValueError, match="interval"):
            next(poll_delays(*bad))


async def test_wait_polls_with_backoff_until_terminal() -> None:
    clock = FakeClock()
    api = InProcessAPI(script=states(WORKING, WORKING, WORKING, FINISHED))
    async with client_for(api, clock=clock) as client:
        session = await client.sessions.wait("devin-1")
    assert session.status_detail == "finished"
    assert api.calls["devin-1"] == 4
    assert clock.sleeps == [2, 3, 4.5]
    assert clock.now() == 9.5


async def test_wait_gives_up_after_max_wait_with_the_last_state() -> None:
    clock = FakeClock()
    api = InProcessAPI(script=states(WORKING))
    async with client_for(api, clock=clock) as client:
        with pytest.raises(WaitTimeoutError) as caught:
            await client.sessions.wait("devin-1", max_wait=10)
    err = caught.value
    assert err.devin_id == "devin-1"
    assert err.last.status_detail == "working"
    assert "running/working" in str(err)
    assert clock.now() == 10  # never slept past max_wait
    assert clock.sleeps == [2, 3, 4.5, 0.5]


async def test_wait_raises_the_fetch_error_itself() -> None:
    api = InProcessAPI(script=states(WORKING))
    async with client_for(api, clock=FakeClock()) as client:
        with pytest.raises(NotFoundError):
            await client.sessions.wait("devin-missing")


async def test_wait_until_overrides_the_terminal_rule() -> None:
    clock = FakeClock()
    api = InProcessAPI(script=states(FINISHED, FINISHED, {"status": "exit", "tags": ["done"]}))
    async with client_for(api, clock=clock) as client:
        session = await client.enterprise.sessions.wait(
            "devin-1", until=lambda s: "done" in s.tags, interval=1, max_interval=1
        )
    assert session.status == "exit"
    assert clock.sleeps == [1, 1]


async def test_v1_wait_uses_status_enum() -> None:
    api = InProcessAPI(script=states({"status_enum": "working"}, {"status_enum": "blocked"}))
    async with client_for(api, clock=FakeClock()) as client:
        session = await client.v1.sessions.wait("devin-1")
    assert session.status_enum == "blocked"
    assert api.calls["devin-1"] == 2


async def test_wait_many_polls_only_the_unsettled_and_accounts_for_every_id() -> None:
    def script(devin_id: str, call: int) -> Answer | None:
        if devin_id == "devin-missing":
            return 404, {"detail": "Session not found"}
        if devin_id == "devin-done":
            return 200, {"status": "exit"}
        if devin_id == "devin-soon":
            return 200, FINISHED if call >= 3 else WORKING
        return 200, WORKING

    clock = FakeClock()
    api = InProcessAPI(script=script)
    ids = ["devin-done", "devin-soon", "devin-missing", "devin-never", "devin-done"]
    progress: list[int] = []
    async with client_for(api, clock=clock) as client:
        outcomes = await client.sessions.wait_many(
            ids, on_error="return", max_wait=20, on_progress=lambda r: progress.append(r.done)
        )
        calls = dict(api.calls)
        with pytest.raises(BulkError) as caught:
            await client.sessions.wait_many(ids, max_wait=1)
    assert [o.id for o in outcomes] == ids
    assert [o.status for o in outcomes] == [
        OutcomeStatus.OK,
        OutcomeStatus.OK,
        OutcomeStatus.FAILED,
        OutcomeStatus.TIMED_OUT,
        OutcomeStatus.OK,
    ]
    assert isinstance(outcomes[3].error, WaitTimeoutError)
    assert outcomes[3].value is not None  # the last state seen
    assert outcomes[3].value.status_detail == "working"
    assert progress == [1, 2, 3, 4]
    report = outcomes.report
    assert (report.total, report.succeeded, report.failed, report.timed_out) == (4, 2, 1, 1)
    # settled ids are not polled again; the rest once per round
    assert calls["devin-done"] == 1
    assert calls["devin-missing"] == 1
    assert calls["devin-soon"] == 3
    assert calls["devin-never"] > 3
    # on_error="raise" (the default) raises after all settled, with every outcome
    assert [o.id for o in caught.value.failures] == ["devin-missing", "devin-never"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"max_wait": -1}, "max_wait"),
        ({"interval": 0}, "interval"),
        ({"on_error": "x"}, "on_error"),
    ],
)
async def test_wait_many_rejects_bad_arguments(kwargs: dict[str, Any], match: str) -> None:
    api = InProcessAPI()
    async with client_for(api, clock=FakeClock()) as client:
        with pytest.raises(ValueError, match=match):
            await client.sessions.wait_many(["devin-1"], **kwargs)
    assert not api.calls
