"""Devin Reviews of pull requests: ``/v3/organizations/{org_id}/pr-reviews``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from typing_extensions import Unpack

from .._core import ClientCore
from .._fanout.polling import (
    DEFAULT_MAX_POLL_INTERVAL,
    DEFAULT_MAX_WAIT,
    DEFAULT_POLL_INTERVAL,
    poll_until,
)
from .._options import RequestOptions
from .._query import query
from ..models.pr_reviews import PrReview
from ._args import nonempty
from ._base import Query
from ._org import OrgResource

__all__ = ["PR_REVIEWS", "PrReviews", "review_body", "review_query", "wait_for_review"]

# The same below the organization's and the enterprise's prefix.
PR_REVIEWS = "/pr-reviews"
_SETTLED = frozenset({"completed", "errored"})


def review_body(pr_url: str) -> dict[str, str]:
    return {"pr_url": nonempty("pr_url", pr_url)}


def review_query(pr_url: str, commit_sha: str | None) -> Query:
    return query(pr_url=nonempty("pr_url", pr_url), commit_sha=commit_sha)


def _settled(review: PrReview) -> bool:
    return str(review.status) in _SETTLED


async def wait_for_review(
    core: ClientCore,
    get: Callable[..., Awaitable[PrReview]],
    pr_url: str,
    *,
    max_wait: float | None,
    interval: float,
    max_interval: float,
    **get_kwargs: Any,
) -> PrReview:
    """Poll ``get(pr_url, **get_kwargs)`` on the client's clock until the review is
    completed or errored.

    Past ``max_wait`` seconds raises ``WaitTimeoutError``; a failed poll (after the
    pipeline's retries) raises its error.
    """
    settled = await poll_until(
        lambda url: get(url, **get_kwargs),
        [pr_url],
        until=_settled,
        max_wait=max_wait,
        interval=interval,
        max_interval=max_interval,
        concurrency=1,
        sleep=core.clock.sleep,
        clock=core.clock.now,
    )
    return settled.outcome(pr_url).unwrap()


class PrReviews(OrgResource):
    """Devin Reviews: ask for one on a pull/merge request, then read how it went.

    A review goes ``pending`` -> ``running`` -> ``completed`` (or ``errored``).
    Permission: ``UseReviewManual``.
    """

    async def create(
        self, pr_url: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> PrReview:
        """Start a review of the pull request's latest commit (``pr_url``: its full URL)."""
        return await self._call(
            PrReview, "POST", PR_REVIEWS, json=review_body(pr_url), org_id=org_id, options=options
        )

    async def get(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """The latest review of the PR's head, or of ``commit_sha`` (full or a prefix).

        ``NotFoundError`` until a review exists for that commit.
        """
        return await self._call(
            PrReview,
            "GET",
            PR_REVIEWS,
            params=review_query(pr_url, commit_sha),
            org_id=org_id,
            options=options,
        )

    async def wait(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """Poll ``get`` until the review is completed or errored, and return it.

        Polls every ``interval`` seconds, growing by half up to ``max_interval``; past
        ``max_wait`` seconds (``None``: no limit) raises ``WaitTimeoutError``.
        """
        return await wait_for_review(
            self._core,
            self.get,
            pr_url,
            max_wait=max_wait,
            interval=interval,
            max_interval=max_interval,
            commit_sha=commit_sha,
            org_id=org_id,
            **options,
        )
