"""ACU consumption and limits: ``/v3/enterprise/consumption/...``."""

from __future__ import annotations

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ...models.common import Timestamp
from ...models.consumption import Consumption
from ...models.enterprise import AcuLimit, ConsumptionCycle
from .._windows import WindowCalls
from ._base import EnterpriseResource

__all__ = ["EnterpriseConsumption"]

_DAILY = "/consumption/daily"
_ACU_LIMIT = "/consumption/acu-limits/devin/organizations/{org_id}"


class EnterpriseConsumption(EnterpriseResource, WindowCalls):
    """Daily ACU use (billing days start 08:00 UTC), billing cycles and per-org ACU limits."""

    async def daily(
        self,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """The whole enterprise's ACUs per day."""
        return await self._window(
            Consumption, _DAILY, time_after=time_after, time_before=time_before, options=options
        )

    async def daily_for_organization(
        self,
        org_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One organization's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/organizations/{org_id}",
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
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One service user's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/service-users/{service_user_id}",
            {"service_user_id": service_user_id},
            time_after=time_after,
            time_before=time_before,
            options=options,
        )

    async def daily_for_session(
        self,
        session_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One session's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/sessions/{session_id}",
            {"session_id": session_id},
            time_after=time_after,
            time_before=time_before,
            options=options,
        )

    async def daily_for_user(
        self,
        user_id: str,
        *,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        **options: Unpack[RequestOptions],
    ) -> Consumption:
        """One user's ACUs per day."""
        return await self._window(
            Consumption,
            _DAILY + "/users/{user_id}",
            {"user_id": user_id},
            time_after=time_after,
            time_before=time_before,
            options=options,
        )

    def cycles(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[ConsumptionCycle]:
        """The enterprise's billing cycles."""
        return self._list(
            ConsumptionCycle,
            "/consumption/cycles",
            page_size=page_size,
            limit=limit,
            options=options,
        )

    def acu_limits(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[AcuLimit]:
        """Every organization-level Devin ACU limit."""
        return self._list(
            AcuLimit,
            "/consumption/acu-limits/devin",
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def set_acu_limit(
        self, org_id: str, *, cycle_acu_limit: int, **options: Unpack[RequestOptions]
    ) -> None:
        """Create or change an organization's ACU limit per billing cycle (answers no body)."""
        if cycle_acu_limit < 0:
            raise ValueError(f"cycle_acu_limit must be >= 0, got {cycle_acu_limit}")
        body = {"cycle_acu_limit": cycle_acu_limit}
        await self._call_no_content("PUT", _ACU_LIMIT, json=body, org_id=org_id, options=options)

    async def delete_acu_limit(self, org_id: str, **options: Unpack[RequestOptions]) -> None:
        """Remove an organization's ACU limit (answers no body)."""
        await self._call_no_content("DELETE", _ACU_LIMIT, org_id=org_id, options=options)
