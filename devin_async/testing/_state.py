"""The fake API's in-memory state: one record per session, rendered per family."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import attrs

from ._enterprise_state import EnterpriseState, seed_enterprise
from ._faults import FaultPlan
from ._v1_state import V1Store, seed_v1

__all__ = ["FakeState", "SeenRequest", "seed_state"]

Record = dict[str, Any]


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
    # "attachments", "code_scans"), each by id, in creation order.
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


def _ts(text: str) -> float:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc).timestamp()


def seed_state(state: FakeState) -> FakeState:
    """A few sessions shaped like the reference pages' examples."""
    state.add_session(
        session_id="devin-abc123def456",
        title="Review PR #123",
        status="running",
        status_detail="finished",
        created_at=_ts("2024-01-01T00:00:00"),
        updated_at=_ts("2024-01-01T00:05:30.123456"),
        tags=["api", "documentation", "review"],
        acus_consumed=2.5,
        pull_requests=[{"pr_url": "https://github.com/example/repo/pull/123", "pr_state": "open"}],
        structured_output={"result": "success", "files_modified": 3},
        messages=[
            {
                "type": "initial_user_message",
                "message": "Review the pull request at https://github.com/example/repo/pull/123",
                "at": _ts("2024-01-01T00:00:00"),
                "username": "user@example.com",
                "origin": "web",
            },
            {
                "type": "devin_message",
                "message": "I'll review the pull request for you. Let me analyze the changes.",
                "at": _ts("2024-01-01T00:00:15.123456"),
            },
            {
                "type": "user_message",
                "message": "Please focus on the security implications",
                "at": _ts("2024-01-01T00:03:45.987654"),
                "username": "user@example.com",
                "origin": "web",
            },
            {
                "type": "devin_message",
                "message": "I've completed the security review. Found 2 potential issues.",
                "at": _ts("2024-01-01T00:05:30.123456"),
            },
        ],
        analysis={
            "action_items": [
                {"action_item": "Pin the CI image", "issue_id": "i1", "type": "machine_setup"}
            ],
            "classification": {
                "category": "code_review_and_analysis",
                "confidence": 0.92,
                "programming_languages": ["python"],
                "tools_and_frameworks": ["pytest"],
            },
            "issues": [
                {"id": "i1", "impact": "medium", "issue": "CI image drifted", "label": "setup"}
            ],
            "note_usage": {"bad_usages": [], "good_usages": []},
            "suggested_prompt": {
                "original_prompt": "Review the pull request",
                "suggested_prompt": "Review PR #123 for security issues; list findings by risk",
                "feedback_items": [],
            },
            "timeline": [{"description": "Read the diff", "title": "Start", "color": "blue"}],
        },
    )
    state.add_session(
        session_id="devin-fed987cba654",
        title="Nightly dependency bump",
        status="suspended",
        status_detail="inactivity",
        tags=["nightly"],
        acus_consumed=0.75,
        origin="scheduled",
        created_at=_ts("2024-02-10T03:00:00"),
        updated_at=_ts("2024-02-10T03:40:00"),
    )
    seed_enterprise(state)
    seed_v1(state)
    return state
