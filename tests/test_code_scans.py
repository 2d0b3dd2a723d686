"""Code scans: the requests, the partly documented models, and the fake's lifecycle."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from recording import Call, Sent, what_is_sent

from devin_async import (
    AsyncDevin,
    BadRequestError,
    ConflictError,
    NotFoundError,
    UnprocessableEntityError,
)
from devin_async._converter import structure
from devin_async.models import CodeScan, CodeScanMetrics, CodeScanStatus, CodeScanType
from devin_async.testing import FakeClock, FakeDevin

ORG = "/v3/organizations/org-1/code-scans"
E = "/v3/enterprise/code-scans"
JAN_1 = datetime(2024, 1, 1, tzinfo=timezone.utc)  # 1704067200
FEB_1 = 1_706_745_600
WINDOW = [("time_after", "1704067200"), ("time_before", "1706745600")]
ORG1, ORG2 = "org-abc123def456", "org-fed987cba654"

CASES: list[tuple[Call, Sent]] = [
    (
        lambda c: c.code_scans.start("example/repo"),
        ("POST", ORG, [], {"repo_name": "example/repo"}),
    ),
    (
        lambda c: c.code_scans.start(
            "example/repo",
            host="github.example.com",
            profile_id="profile-1",
            scan_type=CodeScanType.DEAD_CODE,
            commit_sha=None,
            org_id="org-2",
        ),
        (
            "POST",
            "/v3/organizations/org-2/code-scans",
            [],
            {
                "repo_name": "example/repo",
                "host": "github.example.com",
                "profile_id": "profile-1",
                "scan_type": "dead-code",
                "commit_sha": None,  # given as None: sent as null, unlike what was left out
            },
        ),
    ),
    (
        lambda c: c.code_scans.list_profiles(limit=5),
        ("GET", ORG + "/profiles", [("first", "5")], None),
    ),
    (
        lambda c: c.code_scans.metrics(time_after=JAN_1, time_before=FEB_1),
        ("GET", ORG + "/metrics", WINDOW, None),
    ),
    (
        lambda c: c.enterprise.code_scans.list_scans(
            time_after=JAN_1, repo_name="example/repo", org_ids=["org-1", "org-2"]
        ),
        (
            "GET",
            E + "/scans",
            [
                ("time_after", "1704067200"),
                ("repo_name", "example/repo"),
                ("org_ids", "org-1"),
                ("org_ids", "org-2"),
                ("first", "200"),
            ],
            None,
        ),
    ),
    (
        lambda c: c.enterprise.code_scans.list_profiles(org_ids=["org-1"]),
        ("GET", E + "/profiles", [("org_ids", "org-1"), ("first", "200")], None),
    ),
    (
        lambda c: c.enterprise.code_scans.metrics(
            time_after=JAN_1, time_before=FEB_1, org_ids=["org-1"]
        ),
        ("GET", E + "/metrics", [*WINDOW, ("org_ids", "org-1")], None),
    ),
]


@pytest.mark.parametrize(("call", "expected"), CASES)
async def test_each_method_sends_its_request(call: Call, expected: Sent) -> None:
    assert await what_is_sent(call) == expected


async def test_start_needs_a_repository_name() -> None:
    async with AsyncDevin(api_key="cog_test", org_id="org-1") as client:
        with pytest.raises(ValueError, match="repo_name"):
            await client.code_scans.start(" ")


def test_a_scan_keeps_what_the_docs_do_not_list_and_values_they_do_not_know() -> None:
    scan = structure(
        {
            "scan_id": "scan-1",
            "org_id": "org-1",
            "repo_name": "example/repo",
            "host": None,
            "scan_type": "licensing",
            "status": "queued_for_gpu",
            "created_at": 1_704_067_200,
            "profile": {"profile_id": "profile-1", "mode": "ingest", "owner": "sec-team"},
            "findings_count": 3,
        },
        CodeScan,
    )
    assert (scan.scan_type, scan.status) == ("licensing", "queued_for_gpu")
    assert not scan.scan_type.is_known
    assert scan.created_at == JAN_1
    assert scan.profile is not None and scan.profile.mode == "ingest"
    assert scan.profile.extra == {"owner": "sec-team"}
    assert scan.extra == {"findings_count": 3}


def test_metrics_averages_may_be_null() -> None:
    counts = {
        f"{name}_count": 0
        for name in (
            "open_critical_findings",
            "open_high_findings",
            "open_medium_findings",
            "open_low_findings",
            "prs_created",
            "prs_open",
            "prs_merged",
            "prs_closed",
        )
    }
    data = {**counts, "avg_pr_open_duration_seconds": None, "avg_pr_time_to_merge_seconds": 9.5}
    metrics = structure(data, CodeScanMetrics)
    assert (metrics.avg_pr_open_duration_seconds, metrics.avg_pr_time_to_merge_seconds) == (
        None,
        9.5,
    )


async def test_a_scan_goes_waiting_pending_running_completed(
    timed: tuple[FakeDevin, AsyncDevin], clock: FakeClock
) -> None:
    fake, client = timed
    scan = await client.code_scans.start("example/repo", commit_sha="abc123")
    assert (scan.status, scan.scan_type, scan.org_id) == ("waiting", "security", client.org_id)
    # The body takes commit_sha; the documented answer (CodeScan@2026-12) does not list it.
    assert fake.state.seen[-1].body["commit_sha"] == "abc123"
    assert scan.extra == {}
    seen = []
    for _ in range(4):
        (listed,) = await client.enterprise.code_scans.list_scans(
            repo_name="example/repo"
        ).to_list()
        seen.append(listed.status)
        clock.advance(5)
    assert seen == ["waiting", "pending", "running", "completed"]
    assert listed.status is CodeScanStatus.COMPLETED


async def test_the_enterprise_lists_scans_by_organization_and_time(
    timed: tuple[FakeDevin, AsyncDevin], clock: FakeClock
) -> None:
    _, client = timed
    first = await client.code_scans.start("example/repo")
    clock.advance(60)
    second = await client.code_scans.start("example/app", org_id=ORG2)
    scans = client.enterprise.code_scans

    async def ids(**filters: Any) -> list[str]:
        return [s.scan_id async for s in scans.list_scans(**filters)]

    assert await ids() == [second.scan_id, first.scan_id]  # newest first
    assert await ids(org_ids=[ORG1]) == [first.scan_id]
    assert await ids(time_after=1_750_000_030) == [second.scan_id]
    assert await ids(time_before=1_750_000_030) == [first.scan_id]


async def test_a_profile_sets_the_scan_type_and_must_be_visible(
    timed: tuple[FakeDevin, AsyncDevin],
) -> None:
    fake, client = timed
    profiles = fake.state.code_review.profiles
    profiles["profile-perf"] = {
        "profile_id": "profile-perf",
        "mode": "discover",
        "scan_type": "performance",
        "org_id": ORG1,
    }
    profiles["profile-other"] = {**profiles["profile-perf"], "profile_id": "profile-other"}
    profiles["profile-other"]["org_id"] = ORG2
    scan = await client.code_scans.start("example/repo", profile_id="profile-perf")
    assert scan.scan_type is CodeScanType.PERFORMANCE
    assert scan.profile is not None and scan.profile.profile_id == "profile-perf"
    with pytest.raises(BadRequestError, match="profile"):
        await client.code_scans.start(
            "example/repo", profile_id="profile-perf", scan_type="general"
        )
    with pytest.raises(NotFoundError):
        await client.code_scans.start("example/repo", profile_id="profile-other")

    mine = [p.profile_id async for p in client.code_scans.list_profiles()]
    assert mine == ["profile-perf", "profile-security"]  # newest first, the shared one too
    theirs = client.enterprise.code_scans.list_profiles(org_ids=[ORG2])
    assert [p.profile_id async for p in theirs] == ["profile-other"]
    every = [p.org_id async for p in client.enterprise.code_scans.list_profiles()]
    assert every == [ORG2, ORG1, None]


async def test_a_full_backlog_is_a_conflict(timed: tuple[FakeDevin, AsyncDevin]) -> None:
    fake, client = timed
    fake.state.code_review.max_backlog = 1
    await client.code_scans.start("example/repo")
    with pytest.raises(ConflictError, match="backlog"):
        await client.code_scans.start("example/repo")
    await client.code_scans.start("example/repo", org_id=ORG2)  # another org's backlog


async def test_metrics_count_the_open_findings_of_the_window(client: AsyncDevin) -> None:
    # The seed has one open high finding in ORG1, created on 2024-01-01.
    mine = await client.code_scans.metrics(time_after=JAN_1, time_before=FEB_1)
    assert (mine.open_high_findings_count, mine.open_low_findings_count) == (1, 0)
    enterprise = client.enterprise.code_scans
    theirs = await enterprise.metrics(time_after=JAN_1, time_before=FEB_1, org_ids=[ORG2])
    assert theirs.open_high_findings_count == 0
    with pytest.raises(UnprocessableEntityError, match="100 days"):
        await client.code_scans.metrics(time_after=JAN_1, time_before=FEB_1 + 100 * 86_400)
