"""Session records in each family's wire shape (v3: epoch ints; v1: ISO strings).

A leaf: it imports nothing else of the fake at run time.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._state import Record

__all__ = ["iso", "v1_session", "v1_status_enum", "v3_insights", "v3_session"]

_V3_FIELDS = (
    "session_id",
    "org_id",
    "status",
    "status_detail",
    "title",
    "tags",
    "pull_requests",
    "acus_consumed",
    "structured_output",
    "playbook_id",
    "user_id",
    "service_user_id",
    "origin",
    "is_archived",
    "category",
    "subcategory",
    "parent_session_id",
    "child_session_ids",
)


def iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).isoformat(timespec="microseconds")


def v3_session(rec: Record, base_url: str = "https://app.devin.ai") -> dict[str, Any]:
    out = {name: rec[name] for name in _V3_FIELDS}
    out["created_at"] = int(rec["created_at"])
    out["updated_at"] = int(rec["updated_at"])
    out["url"] = f"{base_url}/sessions/{rec['session_id'].removeprefix('devin-')}"
    return out


def _size(acus: float) -> str:
    for limit, size in ((1, "xs"), (5, "s"), (20, "m"), (50, "l")):
        if acus < limit:
            return size
    return "xl"


def v3_insights(rec: Record) -> dict[str, Any]:
    out = v3_session(rec)
    kinds = [m["type"] for m in rec["messages"]]
    out["num_devin_messages"] = kinds.count("devin_message")
    out["num_user_messages"] = len(kinds) - out["num_devin_messages"]
    out["session_size"] = _size(rec["acus_consumed"])
    out["analysis"] = rec["analysis"]
    return out


def v1_message(rec: Record, index: int) -> dict[str, Any]:
    msg = rec["messages"][index]
    out = {
        "type": msg["type"],
        "event_id": f"event-{rec['session_id'].removeprefix('devin-')}-{index:04d}",
        "message": msg["message"],
        "timestamp": iso(msg["at"]),
    }
    for optional in ("username", "origin"):
        if optional in msg:
            out[optional] = msg[optional]
    out["user_id"] = None if msg["type"] == "devin_message" else rec["user_id"]
    return out


# v1's status_enum for a v3 status and detail: the same situations, v1's words.
_V1_WHEN_RUNNING = {
    "finished": "finished",
    "waiting_for_user": "blocked",
    "waiting_for_approval": "blocked",
}
_V1_WHEN_STOPPED = {"exit": "finished", "error": "expired", "suspended": "blocked"}


def v1_status_enum(rec: Record) -> str:
    """``working`` while Devin works (new, claimed, resuming too); else how it stopped."""
    if rec["status"] == "running":
        return _V1_WHEN_RUNNING.get(rec["status_detail"], "working")
    return _V1_WHEN_STOPPED.get(rec["status"], "working")


def v1_session(rec: Record) -> dict[str, Any]:
    prs = rec["pull_requests"]
    return {
        "session_id": rec["session_id"],
        "status": rec["status"],
        "title": rec["title"],
        "created_at": iso(rec["created_at"]),
        "updated_at": iso(rec["updated_at"]),
        "snapshot_id": None,
        "playbook_id": rec["playbook_id"],
        "tags": rec["tags"],
        "pull_request": {"url": prs[0]["pr_url"]} if prs else None,
        "structured_output": rec["structured_output"],
        "status_enum": v1_status_enum(rec),
        "messages": [v1_message(rec, i) for i in range(len(rec["messages"]))],
    }
