"""Usage metrics: active users, sessions, pull requests, searches."""

from __future__ import annotations

from datetime import datetime

from ._base import Model, model

__all__ = [
    "ActiveUserMetrics",
    "PrMetrics",
    "SearchMetrics",
    "SessionCountsBySize",
    "SessionMetrics",
    "SessionsCreatedByOrigin",
    "UsageMetrics",
]


@model
class ActiveUserMetrics(Model):
    """Distinct active users in ``[start_time, end_time]`` (one day/week/month, or a range)."""

    active_users: int
    start_time: datetime
    end_time: datetime


@model
class SessionsCreatedByOrigin(Model):
    api: int | None = None
    jira: int | None = None
    linear: int | None = None
    slack: int | None = None
    teams: int | None = None
    webapp: int | None = None


@model
class SessionCountsBySize(Model):
    xs: int | None = None
    s: int | None = None
    m: int | None = None
    l: int | None = None  # noqa: E741 - the API's own size label
    xl: int | None = None


@model
class SessionMetrics(Model):
    sessions_created_count: int
    avg_acus_per_session: float
    sessions_created_by_origin: SessionsCreatedByOrigin
    sessions_created_by_size: SessionCountsBySize
    sessions_created_with_playbook_count: int
    sessions_created_with_search_count: int
    sessions_with_merged_prs_by_size: SessionCountsBySize
    sessions_with_merged_prs_count: int


@model
class PrMetrics(Model):
    prs_created_count: int
    prs_opened_count: int
    prs_merged_count: int
    prs_closed_count: int


@model
class SearchMetrics(Model):
    searches_created_count: int


@model
class UsageMetrics(Model):
    sessions_count: int
    searches_count: int
    prs_created_count: int
    prs_merged_count: int
