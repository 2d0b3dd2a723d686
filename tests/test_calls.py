"""The reference calls end to end over a real loopback socket (the fake API)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from devin_async import AsyncDevin, NotFoundError
from devin_async.models import SessionSize, SessionStatus, SessionStatusDetail
from devin_async.testing import FakeDevin


async def test_sessions_get(client: AsyncDevin) -> None:
    s = await client.sessions.get("devin-abc123def456")
    assert s.title == "Review PR #123"
    assert s.status is SessionStatus.RUNNING
    assert s.status_detail is SessionStatusDetail.FINISHED
    assert s.created_at == datetime(2024, 1, 1, tzinfo=timezone.utc)
    assert s.pull_requests[0].pr_url.endswith("/pull/123")


async def test_enterprise_get_sees_any_org_and_filters_by_org(
    client: AsyncDevin, fake: FakeDevin
) -> None:
    fake.state.add_session(session_id="devin-other0org", org_id="org-other")
    s = await client.enterprise.sessions.get("devin-other0org")
    assert s.org_id == "org-other"
    with pytest.raises(NotFoundError):
        await client.enterprise.sessions.get("devin-other0org", org_id="org-abc123def456")
    with pytest.raises(NotFoundError):  # the org-scoped API does not reach other orgs
        await client.sessions.get("devin-other0org")


async def test_enterprise_insights_with_analysis(client: AsyncDevin) -> None:
    i = await client.enterprise.sessions.insights("devin-abc123def456")
    assert i.session_size is SessionSize.S
    assert (i.num_user_messages, i.num_devin_messages) == (2, 2)
    assert i.analysis is not None and i.analysis.issues is not None
    assert i.analysis.issues[0].impact == "medium"


async def test_v1_get_with_messages(client: AsyncDevin) -> None:
    s = await client.v1.sessions.get("devin-abc123def456")
    assert len(s.messages) == 4
    assert s.messages[2].message == "Please focus on the security implications"
    assert s.pull_request is not None


async def test_terminate_with_archive_changes_state(client: AsyncDevin, fake: FakeDevin) -> None:
    t = await client.sessions.terminate("devin-fed987cba654", archive=True)
    assert t.status is SessionStatus.EXIT and t.is_archived
    seen = fake.state.seen[-1]
    assert (seen.method, seen.query) == ("DELETE", [("archive", "true")])
    again = await client.sessions.get("devin-fed987cba654")
    assert again.status is SessionStatus.EXIT and again.is_archived


async def test_not_found_carries_problem_detail(client: AsyncDevin) -> None:
    with pytest.raises(NotFoundError) as info:
        await client.sessions.get("devin-nope")
    assert info.value.detail == "Session not found"
    assert info.value.status_code == 404


async def test_path_injection_does_not_reach_another_endpoint(
    client: AsyncDevin, fake: FakeDevin
) -> None:
    seen = len(fake.state.seen)
    with pytest.raises(ValueError, match="must not contain '/'"):
        await client.v1.sessions.get("../../v3/enterprise/sessions/devin-abc123def456")
    with pytest.raises(NotFoundError):  # encoded, it stays one segment of the v1 path
        await client.v1.sessions.get("..%2F..%2Fv3%2Fenterprise%2Fsessions%2Fdevin-abc123def456")
    assert len(fake.state.seen) == seen + 1
    assert fake.state.seen[-1].path.startswith("/v1/sessions/")
