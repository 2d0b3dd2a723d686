"""Usage metrics: ``/v3/organizations/{org_id}/metrics``."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Unpack

from .._options import RequestOptions
from ..models.common import Timestamp
from ..models.metrics import (
    ActiveUserMetrics,
    PrMetrics,
    SearchMetrics,
    SessionMetrics,
    UsageMetrics,
)
from ._org import OrgResource
from ._windows import WindowCalls

__all__ = ["Metrics"]


class Metrics(OrgResource, WindowCalls):
    """Organization metrics over ``[time_after, time_before]`` (epoch seconds or datetimes).

    ``min_sessions``/``min_searches`` count a user as active only above that many.
    """

    async def active_users(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActiveUserMetrics:
        """Distinct active users over the whole range."""
        return await self._metric(
            ActiveUserMetrics,
            "active-users",
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_id=org_id,
            options=options,
        )

    async def dau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each day of the range."""
        return await self._metric(
            list[ActiveUserMetrics],
            "dau",
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_id=org_id,
            options=options,
        )

    async def wau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each week of the range."""
        return await self._metric(
            list[ActiveUserMetrics],
            "wau",
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_id=org_id,
            options=options,
        )

    async def mau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each month of the range."""
        return await self._metric(
            list[ActiveUserMetrics],
            "mau",
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_id=org_id,
            options=options,
        )

    async def sessions(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        playbook_id: str | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionMetrics:
        """Sessions created, by origin and size, and those that merged PRs."""
        return await self._metric(
            SessionMetrics,
            "sessions",
            time_after=time_after,
            time_before=time_before,
            playbook_id=playbook_id,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            org_id=org_id,
            options=options,
        )

    async def prs(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        playbook_id: str | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrMetrics:
        """Pull requests created, opened, merged and closed."""
        return await self._metric(
            PrMetrics,
            "prs",
            time_after=time_after,
            time_before=time_before,
            playbook_id=playbook_id,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            org_id=org_id,
            options=options,
        )

    async def searches(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SearchMetrics:
        """Searches created in the range."""
        return await self._metric(
            SearchMetrics,
            "searches",
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
        )

    async def usage(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageMetrics:
        """Sessions, searches and PRs in the range (all time when no bound is given)."""
        return await self._window(
            UsageMetrics,
            "/metrics/usage",
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
        )
