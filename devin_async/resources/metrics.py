"""Usage metrics: ``/v3/organizations/{org_id}/metrics``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from typing_extensions import Unpack

from .._options import RequestOptions
from .._query import query
from ..models.metrics import (
    ActiveUserMetrics,
    PrMetrics,
    SearchMetrics,
    SessionMetrics,
    UsageMetrics,
)
from ._org import OrgResource

__all__ = ["Metrics"]

T = TypeVar("T")
Timestamp = int | datetime
_Periods = list[ActiveUserMetrics]


class Metrics(OrgResource):
    """Organization metrics over ``[time_after, time_before]`` (epoch seconds or datetimes).

    ``min_sessions``/``min_searches`` count a user as active only above that many.
    """

    async def _get(
        self,
        cast_to: type[T],
        name: str,
        org_id: str | None,
        options: RequestOptions,
        **params: object,
    ) -> T:
        request = self._request("GET", "/metrics/" + name, org_id, options, params=query(**params))
        return await self._core.call(cast_to, request)

    async def active_users(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ActiveUserMetrics:
        """Distinct active users over the whole range."""
        return await self._get(
            ActiveUserMetrics,
            "active-users",
            org_id,
            options,
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
        )

    async def _periods(
        self,
        name: str,
        time_after: Timestamp,
        time_before: Timestamp,
        min_sessions: int | None,
        min_searches: int | None,
        org_id: str | None,
        options: RequestOptions,
    ) -> _Periods:
        return await self._get(
            _Periods,
            name,
            org_id,
            options,
            time_after=time_after,
            time_before=time_before,
            min_sessions=min_sessions,
            min_searches=min_searches,
        )

    async def dau(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Periods:
        """Active users for each day of the range."""
        return await self._periods(
            "dau", time_after, time_before, min_sessions, min_searches, org_id, options
        )

    async def wau(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Periods:
        """Active users for each week of the range."""
        return await self._periods(
            "wau", time_after, time_before, min_sessions, min_searches, org_id, options
        )

    async def mau(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        min_sessions: int | None = None,
        min_searches: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Periods:
        """Active users for each month of the range."""
        return await self._periods(
            "mau", time_after, time_before, min_sessions, min_searches, org_id, options
        )

    async def sessions(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        playbook_id: str | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionMetrics:
        """Sessions created, by origin and size, and those that merged PRs."""
        return await self._get(
            SessionMetrics,
            "sessions",
            org_id,
            options,
            time_after=time_after,
            time_before=time_before,
            playbook_id=playbook_id,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
        )

    async def prs(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        playbook_id: str | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> PrMetrics:
        """Pull requests created, opened, merged and closed."""
        return await self._get(
            PrMetrics,
            "prs",
            org_id,
            options,
            time_after=time_after,
            time_before=time_before,
            playbook_id=playbook_id,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
        )

    async def searches(
        self,
        time_after: Timestamp,
        time_before: Timestamp,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SearchMetrics:
        return await self._get(
            SearchMetrics,
            "searches",
            org_id,
            options,
            time_after=time_after,
            time_before=time_before,
        )

    async def usage(
        self,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UsageMetrics:
        """Sessions, searches and PRs in the range (all time when no bound is given)."""
        return await self._get(
            UsageMetrics,
            "usage",
            org_id,
            options,
            time_after=time_after,
            time_before=time_before,
        )
