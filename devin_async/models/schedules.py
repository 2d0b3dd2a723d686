"""Scheduled sessions (their timestamps are ISO-8601 on the wire, unlike the rest of v3)."""

from __future__ import annotations

from datetime import datetime

from .._enums import OpenEnum
from ._base import Model, model

__all__ = ["NotifyOn", "PlaybookInfo", "ScheduleAgent", "ScheduleResponse", "ScheduleType"]


class ScheduleAgent(OpenEnum):
    DEVIN = "devin"
    DATA_ANALYST = "data_analyst"
    ADVANCED = "advanced"


class NotifyOn(OpenEnum):
    ALWAYS = "always"
    FAILURE = "failure"
    NEVER = "never"


class ScheduleType(OpenEnum):
    RECURRING = "recurring"
    ONE_TIME = "one_time"


@model
class PlaybookInfo(Model):
    playbook_id: str
    title: str | None = None


@model
class ScheduleResponse(Model):
    """A schedule; ``frequency`` is a cron expression for recurring ones."""

    scheduled_session_id: str
    org_id: str
    name: str
    prompt: str
    agent: ScheduleAgent
    enabled: bool
    notify_on: NotifyOn
    consecutive_failures: int
    created_at: datetime
    updated_at: datetime
    created_by: str | None = None
    frequency: str | None = None
    interval_count: int | None = None
    schedule_type: ScheduleType | None = None
    scheduled_at: datetime | None = None
    last_executed_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error_message: str | None = None
    playbook: PlaybookInfo | None = None
    bypass_approval: bool | None = None
    slack_channel_id: str | None = None
    slack_team_id: str | None = None
    tags: list[str] | None = None
    target_devin_id: str | None = None
