"""ACU consumption: ``/v3/organizations/{org_id}/consumption/daily``."""

from __future__ import annotations

from datetime import datetime

from typing_extensions import Unpack

from .._options import RequestOptions
from .._query import query
from ..models.consumption import Consumption
from ._org import OrgResource

__all__ = ["ConsumptionResource"]

Timestamp = int | datetime


class ConsumptionResource(OrgResource):
    """Daily ACU use of the organization, or of one user, service user or session.

    ``time_after``/``time_before`` bound the days (epoch seconds or datetimes).
    """

    async def _daily(
        self,
        suffix: str,
        time_after: Timestamp | None,
        time_before: Timestamp | None,
        org_id: str | None,
        options: RequestOptions,
        **ids: str,
    ) -> Consumption:
        params = query(time_after=time_after, time_before=time_before)
        request = self._request(
            "GET", "/consumption/daily" + suffix, org_id, options, params=params, **ids
        )
        return await self._core.call(Consumption, request)

    async def daily(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        return await self._daily("", time_after, time_before, org_id, options)

    async def daily_for_user(
        self,
        user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        return await self._daily(
            "/users/{user_id}", time_after, time_before, org_id, options, user_id=user_id
        )

    async def daily_for_service_user(
        self,
        service_user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        return await self._daily(
            "/service-users/{service_user_id}",
            time_after,
            time_before,
            org_id,
            options,
            service_user_id=service_user_id,
        )

    async def daily_for_session(
        self,
        session_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        return await self._daily(
            "/sessions/{session_id}",
            time_after,
            time_before,
            org_id,
            options,
            session_id=session_id,
        )
