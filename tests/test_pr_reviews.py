"""Devin Reviews: the requests, the model's ISO timestamp, and the fake's lifecycle."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from recording import Call, Sent, what_is_sent

from devin_async import (
    AsyncDevin,
    NotFoundError,
    UnprocessableEntityError,
    WaitTimeoutError,
)
from devin_async._converter import structure
from devin_async.models import PrReview, PrReviewStatus
from devin_async.testing import FakeClock, FakeDevin
from devin_async.testing._v3_reviews import head_commit

PR = "https://github.com/example/repo/pull/7"
ORG = "/v3/organizations/org-1/pr-reviews"

CASES: list[tuple[Call, Sent]] = [
    (lambda c: c.pr_reviews.create(PR), ("POST", ORG, [], {"pr_url": PR})),
    (lambda c: c.pr_reviews.get(PR), ("GET", ORG, [("pr_url", PR)], None)),
    (
        lambda c: c.pr_reviews.get(PR, commit_sha="abc123", org_id="org-2"),
        (
            "GET",
            "/v3/organizations/org-2/pr-reviews",
            [("pr_url", PR), ("commit_sha", "abc123")],
            None,
        ),
    ),
    (lambda c: c.pr_reviews.wait(PR), ("GET", ORG, [("pr_url", PR)], None)),
    (
        lambda c: c.enterprise.pr_reviews.create(PR),
        ("POST", "/v3/enterprise/pr-reviews", [], {"pr_url": PR}),
    ),
    (
        lambda c: c.enterprise.pr_reviews.get(PR, commit_sha="abc"),
        ("GET", "/v3/enterprise/pr-reviews", [("pr_url", PR), ("commit_sha", "abc")], None),
    ),
]


@pytest.mark.parametrize(("call", "expected"), CASES)
async def test_each_method_sends_its_request(call: Call, expected: Sent) -> None:
    assert await what_is_sent(call) == expected


@pytest.mark.parametrize("pr_url", ["", "  "])
async def test_a_blank_pr_url_fails_before_any_request(pr_url: str) -> None:
    async with AsyncDevin(api_key="cog_test", org_id="org-1") as client:
        with pytest.raises(ValueError, match="pr_url"):
            await client.pr_reviews.create(pr_url)
        with pytest.raises(ValueError, match="pr_url"):
            await client.enterprise.pr_reviews.get(pr_url)


def test_created_at_is_an_iso_string_read_as_an_aware_datetime() -> None:
    review = structure(
        {
            "commit_sha": "abc",
            "created_at": "2025-06-15T15:06:40Z",
            "pr_number": 7,
            "repo_path": "github.com/example/repo",
            "status": "queued",
            "summary": "LGTM",
        },
        PrReview,
    )
    assert review.created_at == datetime(2025, 6, 15, 15, 6, 40, tzinfo=timezone.utc)
    assert review.status == "queued" and not review.status.is_known  # a new status parses
    assert review.extra == {"summary": "LGTM"}


async def test_a_review_goes_pending_running_completed_on_the_fakes_clock(
    timed: tuple[FakeDevin, AsyncDevin], clock: FakeClock
) -> None:
    _, client = timed
    with pytest.raises(NotFoundError):  # docs: 404 until a review exists
        await client.pr_reviews.get(PR)
    review = await client.pr_reviews.create(PR)
    assert review.status is PrReviewStatus.PENDING
    assert (review.pr_number, review.repo_path) == (7, "github.com/example/repo")
    assert review.commit_sha == head_commit(PR)
    assert review.created_at == datetime.fromtimestamp(clock.now(), tz=timezone.utc)
    seen = []
    for _ in range(3):
        seen.append((await client.pr_reviews.get(PR)).status)
        clock.advance(5)
    assert seen == ["pending", "running", "completed"]


async def test_get_resolves_a_commit_by_prefix(timed: tuple[FakeDevin, AsyncDevin]) -> None:
    _, client = timed
    await client.pr_reviews.create(PR)
    sha = head_commit(PR)
    assert (await client.pr_reviews.get(PR, commit_sha=sha[:7])).commit_sha == sha
    with pytest.raises(NotFoundError):
        await client.pr_reviews.get(PR, commit_sha="0000000")


async def test_wait_polls_on_the_clients_clock_until_the_review_settles(
    timed: tuple[FakeDevin, AsyncDevin], clock: FakeClock
) -> None:
    fake, client = timed
    await client.pr_reviews.create(PR)
    done = await client.pr_reviews.wait(PR)
    assert done.status is PrReviewStatus.COMPLETED
    assert clock.sleeps == [2, 3, 4.5, 6.75]  # the sessions' backoff, from 2 s by half
    fake.state.code_review.pr_reviews[-1]["_ends"] = "errored"
    assert (await client.pr_reviews.wait(PR)).status is PrReviewStatus.ERRORED


async def test_wait_gives_up_after_max_wait(timed: tuple[FakeDevin, AsyncDevin]) -> None:
    _, client = timed
    await client.enterprise.pr_reviews.create(PR)
    with pytest.raises(WaitTimeoutError, match="last seen: pending"):
        await client.enterprise.pr_reviews.wait(PR, max_wait=3, interval=1)


async def test_reviews_belong_to_one_organization(
    timed: tuple[FakeDevin, AsyncDevin],
) -> None:
    _, client = timed
    other = "https://gitlab.com/group/app/-/merge_requests/3"
    await client.pr_reviews.create(other, org_id="org-elsewhere")
    with pytest.raises(NotFoundError):
        await client.pr_reviews.get(other)
    assert (await client.enterprise.pr_reviews.get(other)).pr_number == 3


async def test_the_enterprise_finds_the_owning_organization_from_the_url(
    timed: tuple[FakeDevin, AsyncDevin],
) -> None:
    _, client = timed
    # The seeded git permission gives example/repo to the client's organization.
    created = await client.enterprise.pr_reviews.create(PR)
    assert (await client.pr_reviews.get(PR)).commit_sha == created.commit_sha


async def test_a_url_that_is_no_pull_request_is_refused(client: AsyncDevin) -> None:
    with pytest.raises(UnprocessableEntityError, match="pr_url"):
        await client.pr_reviews.create("https://github.com/example/repo")
