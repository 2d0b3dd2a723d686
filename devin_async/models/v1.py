"""Models of the legacy v1 family (ISO-8601 timestamps, ``session_id`` paths).

v1 schemas are hand-collected from two spec generations that disagree; fields that
either one omits are optional here, and unknown fields land in ``extra``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs

from .._enums import OpenEnum
from ._base import EpochMillis, Model, model

__all__ = [
    "V1AuditLog",
    "V1AuditLogList",
    "V1ConsumptionCycle",
    "V1ConsumptionPullRequest",
    "V1ConsumptionSession",
    "V1Detail",
    "V1EnterpriseConsumption",
    "V1Knowledge",
    "V1KnowledgeAuthor",
    "V1KnowledgeFolder",
    "V1KnowledgeList",
    "V1MessageResult",
    "V1Playbook",
    "V1PlaybookStatus",
    "V1PullRequest",
    "V1Secret",
    "V1SecretCreated",
    "V1SecretType",
    "V1Session",
    "V1SessionCreated",
    "V1SessionMessage",
    "V1SessionSummary",
    "V1StatusEnum",
]


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


class V1SecretType(OpenEnum):
    """Create accepts ``cookie``, ``key-value`` and ``totp``; lists also show ``dictionary``."""

    COOKIE = "cookie"
    KEY_VALUE = "key-value"
    DICTIONARY = "dictionary"
    TOTP = "totp"


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
class V1SessionSummary(Model):
    """A v1 session as ``GET /v1/sessions`` lists it (no messages)."""

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
    requesting_user_email: str | None = None


@model
class V1Session(V1SessionSummary):
    """A v1 session (``GET /v1/sessions/{session_id}``) with its messages."""

    messages: list[V1SessionMessage] = attrs.Factory(list)


@model
class V1SessionCreated(Model):
    """What ``POST /v1/sessions`` answers; ``is_new_session`` is set for idempotent creates."""

    session_id: str
    url: str
    is_new_session: bool | None = None


@model
class V1Detail(Model):
    """A v1 acknowledgement such as ``{"detail": "Tags updated successfully"}``."""

    detail: str


@model
class V1MessageResult(Model):
    """The outcome of a v1 send-message.

    The API answers 204, ``null`` or ``{"detail": ...}`` (the last e.g. when the session
    is suspended): ``detail`` is the server's notice, or ``None`` for a plain success.
    """

    detail: str | None = None


@model
class V1Secret(Model):
    """Secret metadata (never the value), whichever of the two list shapes the API sent."""

    id: str
    type: V1SecretType
    key: str | None = None
    created_at: datetime | None = None


@model
class V1SecretCreated(Model):
    id: str


@model
class V1KnowledgeAuthor(Model):
    id: str
    full_name: str | None = None
    image_url: str | None = None


@model
class V1Knowledge(Model):
    """A knowledge note; ``pinned_repo`` is ``None``, ``"all"`` or ``"owner/repo"``."""

    id: str
    name: str
    body: str
    trigger_description: str
    created_at: datetime
    created_by: V1KnowledgeAuthor | None = None
    macro: str | None = None
    parent_folder_id: str | None = None
    pinned_repo: str | None = None


@model
class V1KnowledgeFolder(Model):
    id: str
    name: str
    description: str | None = None
    created_at: datetime | None = None


@model
class V1KnowledgeList(Model):
    """All knowledge notes of the organization and their folders (system knowledge excluded)."""

    knowledge: list[V1Knowledge]
    folders: list[V1KnowledgeFolder] = attrs.Factory(list)


@model
class V1Playbook(Model):
    """A team playbook; ``status`` (published, deleted, ...) and ``access_type`` are free text."""

    playbook_id: str
    title: str
    body: str
    status: str | None = None
    access_type: str | None = None
    org_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by_user_id: str | None = None
    created_by_user_name: str | None = None
    updated_by_user_id: str | None = None
    updated_by_user_name: str | None = None
    macro: str | None = None


@model
class V1PlaybookStatus(Model):
    """What playbook update and delete answer, e.g. ``{"status": "success"}``."""

    status: str


@model
class V1AuditLog(Model):
    """One audit-log entry; ``created_at`` travels as epoch milliseconds.

    The action-specific fields the spec shows are typed; any others land in ``extra``.
    """

    action: str
    created_at: EpochMillis
    audit_log_id: str | None = None
    user_id: str | None = None
    session_id: str | None = None
    org_id: str | None = None
    target_user_id: str | None = None
    integration_id: str | None = None
    setting_type: str | None = None


@model
class V1AuditLogList(Model):
    audit_logs: list[V1AuditLog]


@model
class V1ConsumptionPullRequest(Model):
    pr_url: str
    pr_status: str | None = None


@model
class V1ConsumptionSession(Model):
    """One session's usage in an enterprise consumption report."""

    created_at: datetime
    acu_used: float
    session_name: str | None = None
    user_name: str | None = None
    user_email: str | None = None
    url: str | None = None
    org_id: str | None = None
    org_name: str | None = None
    pull_requests: list[V1ConsumptionPullRequest] = attrs.Factory(list)


@model
class V1ConsumptionCycle(Model):
    start: date
    end: date


@model
class V1EnterpriseConsumption(Model):
    sessions: list[V1ConsumptionSession]
    cycle: V1ConsumptionCycle | None = None
