"""The fake API's in-memory state: one record per session, rendered per family."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

import attrs

from .._faults import FaultPlan
from .enterprise import EnterpriseState
from .record import Record
from .reviews import CodeReviewState
from .v1 import V1Store

__all__ = ["FakeState", "SeenRequest"]


@attrs.define
class SeenRequest:
    """One request as the fake server saw it (the key itself is never kept)."""

    method: str
    path: str
    query: list[tuple[str, str]]
    authorized: bool
    at: float
    body: Any = None


@attrs.define
class FakeState:
    """Everything the fake API knows; tests may read and change it directly."""

    api_key: str | None = None
    default_org_id: str = "org-abc123def456"
    sessions: dict[str, Record] = attrs.Factory(dict)
    enterprise: EnterpriseState = attrs.Factory(EnterpriseState)
    # Other v3 resources by kind ("notes", "playbooks", "secrets", "schedules",
    # "attachments"), each by id, in creation order.
    records: dict[str, dict[str, Record]] = attrs.Factory(dict)
    # What ``GET /v3/self`` answers.
    principal: Record = attrs.Factory(
        lambda: {
            "principal_type": "service_user",
            "service_user_id": "service-user-1",
            "service_user_name": "ci-bot",
            "org_id": "org-abc123def456",
        }
    )
    seen: list[SeenRequest] = attrs.Factory(list)
    clock: Callable[[], float] = time.time
    v1: V1Store = attrs.Factory(V1Store)
    faults: FaultPlan = attrs.Factory(FaultPlan)
    code_review: CodeReviewState = attrs.Factory(CodeReviewState)
    _ids: itertools.count[int] = attrs.Factory(lambda: itertools.count(1))

    def new_id(self, prefix: str) -> str:
        return f"{prefix}{next(self._ids):012x}"

    def of_kind(self, kind: str) -> dict[str, Record]:
        return self.records.setdefault(kind, {})

    def add_session(self, **fields: Any) -> Record:
        """Store a session record; missing fields get realistic defaults."""
        now = self.clock()
        devin_id = fields.pop("session_id", None) or self.new_id("devin-")
        record: Record = {
            "session_id": devin_id,
            "org_id": self.default_org_id,
            "status": "running",
            "status_detail": "working",
            "title": None,
            "created_at": now,
            "updated_at": now,
            "tags": [],
            "pull_requests": [],
            "acus_consumed": 0.0,
            "messages": [],
            "structured_output": None,
            "playbook_id": None,
            "user_id": "email|user-1",
            "service_user_id": None,
            "origin": "api",
            "is_archived": False,
            "analysis": None,
        }
        record.update(fields)
        self.sessions[devin_id] = record
        return record
