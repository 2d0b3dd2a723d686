"""Devin Reviews across the enterprise: ``/v3/enterprise/pr-reviews``."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._fanout.polling import DEFAULT_MAX_POLL_INTERVAL, DEFAULT_MAX_WAIT, DEFAULT_POLL_INTERVAL
from ..._options import RequestOptions
from ...models.pr_reviews import PrReview
from ..pr_reviews import PR_REVIEWS, review_body, review_query, wait_for_review
from ._base import EnterpriseResource

__all__ = ["EnterprisePrReviews"]


class EnterprisePrReviews(EnterpriseResource):
    """Devin Reviews of any organization's pull requests: the API finds the owning
    organization from ``pr_url``. Permission: ``UseReviewManual`` (enterprise)."""

    async def create(self, pr_url: str, **options: Unpack[RequestOptions]) -> PrReview:
        """Start a review of the pull request's latest commit (``pr_url``: its full URL)."""
        return await self._call(
            PrReview, "POST", PR_REVIEWS, json=review_body(pr_url), options=options
        )

    async def get(
        self, pr_url: str, *, commit_sha: str | None = None, **options: Unpack[RequestOptions]
    ) -> PrReview:
        """The latest review of the PR's head, or of ``commit_sha`` (full or a prefix).

        ``NotFoundError`` until a review exists for that commit.
        """
        return await self._call(
            PrReview, "GET", PR_REVIEWS, params=review_query(pr_url, commit_sha), options=options
        )

    async def wait(
        self,
        pr_url: str,
        *,
        commit_sha: str | None = None,
        max_wait: float | None = DEFAULT_MAX_WAIT,
        interval: float = DEFAULT_POLL_INTERVAL,
        max_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        **options: Unpack[RequestOptions],
    ) -> PrReview:
        """Poll ``get`` until the review is completed or errored, as ``client.pr_reviews.wait``."""
        return await wait_for_review(
            self._core,
            self.get,
            pr_url,
            max_wait=max_wait,
            interval=interval,
            max_interval=max_interval,
            commit_sha=commit_sha,
            **options,
        )
