"""ACU consumption: ``/v3/organizations/{org_id}/consumption/daily``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._options import RequestOptions
from ..models.common import Timestamp
from ..models.consumption import Consumption
from ._org import OrgResource
from ._windows import WindowCalls

__all__ = ["ConsumptionResource"]

_DAILY = "/consumption/daily"


class ConsumptionResource(OrgResource, WindowCalls):
    """Daily ACU use of the organization, or of one user, service user or session.

    ``time_after``/``time_before`` bound the days (epoch seconds or datetimes).
    """

    async def daily(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """The organization's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY,
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
        )

    async def daily_for_user(
        self,
        user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One user's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/users/{user_id}",
            {"user_id": user_id},
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
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
        """One service user's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/service-users/{service_user_id}",
            {"service_user_id": service_user_id},
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
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
        """One session's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/sessions/{session_id}",
            {"session_id": session_id},
            time_after=time_after,
            time_before=time_before,
            org_id=org_id,
            options=options,
        )
