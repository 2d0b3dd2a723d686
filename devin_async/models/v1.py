"""Models of the legacy v1 family (ISO-8601 timestamps, ``session_id`` paths)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs

from .._enums import OpenEnum
from ._base import Model, model

__all__ = ["V1PullRequest", "V1Session", "V1SessionMessage", "V1StatusEnum"]


class V1StatusEnum(OpenEnum):
    """v1's finer-grained session state (``status`` stays a free string)."""

    WORKING = "working"
    BLOCKED = "blocked"
    EXPIRED = "expired"
    FINISHED = "finished"
    SUSPEND_REQUESTED = "suspend_requested"
    SUSPEND_REQUESTED_FRONTEND = "suspend_requested_frontend"
    RESUME_REQUESTED = "resume_requested"
    RESUME_REQUESTED_FRONTEND = "resume_requested_frontend"
    RESUMED = "resumed"


@model
class V1PullRequest(Model):
    url: str


@model
class V1SessionMessage(Model):
    """One message of a v1 session; ``type`` is e.g. ``user_message`` or ``devin_message``."""

    type: str
    event_id: str
    message: str
    timestamp: datetime
    username: str | None = None
    origin: str | None = None
    user_id: str | None = None


@model
class V1Session(Model):
    """A v1 session (``GET /v1/sessions/{session_id}``) with its messages."""

    session_id: str
    status: str
    created_at: datetime
    updated_at: datetime
    title: str | None = None
    snapshot_id: str | None = None
    playbook_id: str | None = None
    tags: list[str] | None = None
    pull_request: V1PullRequest | None = None
    structured_output: Any = None
    status_enum: V1StatusEnum | None = None
    messages: list[V1SessionMessage] = attrs.Factory(list)
