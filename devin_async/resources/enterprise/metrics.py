"""Enterprise usage metrics: active users, sessions, pull requests, searches."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Unpack

from ..._options import RequestOptions
from ...models.common import Timestamp
from ...models.metrics import (
    ActiveUserMetrics,
    PrMetrics,
    SearchMetrics,
    SessionMetrics,
    UsageMetrics,
)
from .._windows import WindowCalls
from ._base import EnterpriseResource, org_scoped

__all__ = ["EnterpriseMetrics"]


class EnterpriseMetrics(EnterpriseResource, WindowCalls):
    """Metrics over ``[time_after, time_before]`` (epoch seconds or datetimes)."""

    async def active_users(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActiveUserMetrics:
        """Distinct users active in the whole range (at least ``min_sessions``/``min_searches``)."""
        return await self._metric(
            ActiveUserMetrics,
            "active-users",
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_ids=org_ids,
            options=options,
        )

    async def dau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
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
            org_ids=org_ids,
            options=options,
        )

    async def wau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
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
            org_ids=org_ids,
            options=options,
        )

    async def mau(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
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
            org_ids=org_ids,
            options=options,
        )

    async def prs(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        playbook_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrMetrics:
        """Pull requests opened, created, merged and closed by Devin sessions."""
        return await self._metric(
            PrMetrics,
            "prs",
            time_after=time_after,
            time_before=time_before,
            org_ids=org_ids,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            playbook_id=playbook_id,
            options=options,
        )

    async def sessions(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        playbook_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionMetrics:
        """Sessions created, by origin and size, and how many merged a PR."""
        return await self._metric(
            SessionMetrics,
            "sessions",
            time_after=time_after,
            time_before=time_before,
            org_ids=org_ids,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            playbook_id=playbook_id,
            options=options,
        )

    async def searches(
        self,
        *,
        time_after: Timestamp,
        time_before: Timestamp,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SearchMetrics:
        """Searches created in the range."""
        return await self._metric(
            SearchMetrics,
            "searches",
            time_after=time_after,
            time_before=time_before,
            org_ids=org_ids,
            options=options,
        )

    async def usage(
        self,
        *,
        org_id: str | None = None,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageMetrics:
        """Session, search and PR counts of the enterprise, or of ``org_id`` only."""
        template = org_scoped("/metrics/usage", org_id)
        return await self._window(
            UsageMetrics,
            template,
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
        )
