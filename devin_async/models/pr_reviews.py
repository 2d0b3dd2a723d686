"""Devin Reviews of pull requests (``/v3/.../pr-reviews``)."""

from __future__ import annotations

from datetime import datetime

from .._enums import OpenEnum
from ._base import Model, model

__all__ = ["PrReview", "PrReviewStatus"]


class PrReviewStatus(OpenEnum):
    """A review starts ``pending``, then runs, and ends ``completed`` or ``errored``."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    ERRORED = "errored"


@model
class PrReview(Model):
    """The review of one commit of a pull request.

    Unlike the rest of v3, ``created_at`` travels as an ISO 8601 string (docs:
    ``PrReviewResponse``); it arrives as an aware ``datetime`` all the same.
    """

    commit_sha: str
    created_at: datetime
    pr_number: int
    repo_path: str  # host-prefixed: github.com/owner/repo
    status: PrReviewStatus
