"""Enterprise usage metrics: active users, sessions, pull requests, searches."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._query import query
from ...models.metrics import (
    ActiveUserMetrics,
    PrMetrics,
    SearchMetrics,
    SessionMetrics,
    UsageMetrics,
)
from ._base import EnterpriseResource, org_scoped

__all__ = ["EnterpriseMetrics"]

T = TypeVar("T")
Time = int | datetime

_METRICS = "/v3/enterprise/metrics/"


class EnterpriseMetrics(EnterpriseResource):
    """Metrics over ``[time_after, time_before]`` (epoch seconds or datetimes)."""

    async def active_users(
        self,
        *,
        time_after: Time,
        time_before: Time,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActiveUserMetrics:
        """Distinct users active in the whole range (at least ``min_sessions``/``min_searches``)."""
        return await self._aggregate(
            ActiveUserMetrics,
            "active-users",
            options,
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_ids=org_ids,
        )

    async def dau(
        self,
        *,
        time_after: Time,
        time_before: Time,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each day of the range."""
        return await self._periods(
            "dau", time_after, time_before, min_sessions, min_searches, org_ids, options
        )

    async def wau(
        self,
        *,
        time_after: Time,
        time_before: Time,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each week of the range."""
        return await self._periods(
            "wau", time_after, time_before, min_sessions, min_searches, org_ids, options
        )

    async def mau(
        self,
        *,
        time_after: Time,
        time_before: Time,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> list[ActiveUserMetrics]:
        """Active users for each month of the range."""
        return await self._periods(
            "mau", time_after, time_before, min_sessions, min_searches, org_ids, options
        )

    async def _periods(
        self,
        name: str,
        time_after: Time,
        time_before: Time,
        min_sessions: int | None,
        min_searches: int | None,
        org_ids: Sequence[str] | None,
        options: RequestOptions,
    ) -> list[ActiveUserMetrics]:
        return await self._aggregate(
            list[ActiveUserMetrics],
            name,
            options,
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
            org_ids=org_ids,
        )

    async def _aggregate(
        self,
        cast_to: type[T],
        name: str,
        options: RequestOptions,
        **params: object,
    ) -> T:
        if params["time_after"] is None or params["time_before"] is None:
            raise ValueError(f"metrics/{name} needs both time_after and time_before")
        return await self._call(
            cast_to, "GET", _METRICS + name, params=query(**params), options=options
        )

    async def prs(
        self,
        *,
        time_after: Time,
        time_before: Time,
        org_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        playbook_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrMetrics:
        """Pull requests opened, created, merged and closed by Devin sessions."""
        return await self._aggregate(
            PrMetrics,
            "prs",
            options,
            time_after=time_after,
            time_before=time_before,
            org_ids=org_ids,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            playbook_id=playbook_id,
        )

    async def sessions(
        self,
        *,
        time_after: Time,
        time_before: Time,
        org_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        playbook_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionMetrics:
        """Sessions created, by origin and size, and how many merged a PR."""
        return await self._aggregate(
            SessionMetrics,
            "sessions",
            options,
            time_after=time_after,
            time_before=time_before,
            org_ids=org_ids,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            playbook_id=playbook_id,
        )

    async def searches(
        self,
        *,
        time_after: Time,
        time_before: Time,
        org_ids: Sequence[str] | None = None,
        **options: Unpack[RequestOptions],
    ) -> SearchMetrics:
        """Searches created in the range."""
        return await self._aggregate(
            SearchMetrics,
            "searches",
            options,
            time_after=time_after,
            time_before=time_before,
            org_ids=org_ids,
        )

    async def usage(
        self,
        *,
        org_id: str | None = None,
        time_after: Time | None = None,
        time_before: Time | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageMetrics:
        """Session, search and PR counts of the enterprise, or of ``org_id`` only."""
        template, path = org_scoped("/metrics/usage", org_id)
        params = query(time_after=time_after, time_before=time_before)
        return await self._call(UsageMetrics, "GET", template, path, params=params, options=options)
