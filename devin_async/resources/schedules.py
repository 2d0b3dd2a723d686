"""Scheduled sessions: ``/v3/organizations/{org_id}/schedules``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator, PageStyle
from ..models.schedules import NotifyOn, ScheduleAgent, ScheduleResponse, ScheduleType
from ._org import OrgResource

__all__ = ["Schedules"]

_SCHEDULES = "/schedules"
_SCHEDULE = "/schedules/{schedule_id}"


class Schedules(OrgResource):
    """Sessions that start on a cron ``frequency`` or once at ``scheduled_at``."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[ScheduleResponse]:
        """Every schedule (this endpoint pages by limit/offset; iteration hides it)."""
        return self._list(
            ScheduleResponse,
            _SCHEDULES,
            style=PageStyle.OFFSET,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def get(
        self, schedule_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> ScheduleResponse:
        """One schedule."""
        return await self._call(
            ScheduleResponse,
            "GET",
            _SCHEDULE,
            {"schedule_id": schedule_id},
            org_id=org_id,
            options=options,
        )

    async def create(
        self,
        *,
        name: str,
        prompt: str,
        frequency: str | NotGiven | None = NOT_GIVEN,
        schedule_type: ScheduleType | str | NotGiven = NOT_GIVEN,
        scheduled_at: datetime | NotGiven | None = NOT_GIVEN,
        interval_count: int | NotGiven = NOT_GIVEN,
        agent: ScheduleAgent | str | NotGiven = NOT_GIVEN,
        notify_on: NotifyOn | str | NotGiven = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        bypass_approval: bool | NotGiven = NOT_GIVEN,
        create_as_user_id: str | NotGiven | None = NOT_GIVEN,
        target_devin_id: str | NotGiven | None = NOT_GIVEN,
        slack_channel_id: str | NotGiven | None = NOT_GIVEN,
        slack_team_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScheduleResponse:
        """Create a schedule: recurring (cron ``frequency``) or ``one_time`` at ``scheduled_at``."""
        payload = body(
            name=name,
            prompt=prompt,
            frequency=frequency,
            schedule_type=schedule_type,
            scheduled_at=scheduled_at,
            interval_count=interval_count,
            agent=agent,
            notify_on=notify_on,
            playbook_id=playbook_id,
            tags=tags,
            bypass_approval=bypass_approval,
            create_as_user_id=create_as_user_id,
            target_devin_id=target_devin_id,
            slack_channel_id=slack_channel_id,
            slack_team_id=slack_team_id,
        )
        return await self._call(
            ScheduleResponse, "POST", _SCHEDULES, json=payload, org_id=org_id, options=options
        )

    async def update(
        self,
        schedule_id: str,
        *,
        name: str | NotGiven | None = NOT_GIVEN,
        prompt: str | NotGiven | None = NOT_GIVEN,
        enabled: bool | NotGiven | None = NOT_GIVEN,
        frequency: str | NotGiven | None = NOT_GIVEN,
        schedule_type: ScheduleType | str | NotGiven | None = NOT_GIVEN,
        scheduled_at: datetime | NotGiven | None = NOT_GIVEN,
        interval_count: int | NotGiven | None = NOT_GIVEN,
        agent: ScheduleAgent | str | NotGiven | None = NOT_GIVEN,
        notify_on: NotifyOn | str | NotGiven | None = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        bypass_approval: bool | NotGiven | None = NOT_GIVEN,
        run_as_user_id: str | NotGiven | None = NOT_GIVEN,
        target_devin_id: str | NotGiven | None = NOT_GIVEN,
        slack_channel_id: str | NotGiven | None = NOT_GIVEN,
        slack_team_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ScheduleResponse:
        """Change only the fields passed (PATCH); ``None`` clears a field, e.g.
        ``run_as_user_id=None`` reverts to the default bot user."""
        payload = body(
            name=name,
            prompt=prompt,
            enabled=enabled,
            frequency=frequency,
            schedule_type=schedule_type,
            scheduled_at=scheduled_at,
            interval_count=interval_count,
            agent=agent,
            notify_on=notify_on,
            playbook_id=playbook_id,
            tags=tags,
            bypass_approval=bypass_approval,
            run_as_user_id=run_as_user_id,
            target_devin_id=target_devin_id,
            slack_channel_id=slack_channel_id,
            slack_team_id=slack_team_id,
        )
        return await self._call(
            ScheduleResponse,
            "PATCH",
            _SCHEDULE,
            {"schedule_id": schedule_id},
            json=payload,
            org_id=org_id,
            options=options,
        )

    async def delete(
        self, schedule_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> ScheduleResponse:
        """Delete a schedule (soft: the API keeps its record); returns it as it was."""
        return await self._call(
            ScheduleResponse,
            "DELETE",
            _SCHEDULE,
            {"schedule_id": schedule_id},
            org_id=org_id,
            options=options,
        )
