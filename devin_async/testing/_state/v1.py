"""The fake API's v1-only state (knowledge, playbooks, secrets, audit log).

v1 sessions and attachments are not here: they are the records every family shares
(``FakeState.sessions``, ``FakeState.of_kind("attachments")``), each rendered per family.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

import attrs

from .record import Record

__all__ = ["V1Store"]


@attrs.define
class V1Store:
    """v1 records, and knobs choosing which documented answer shape the fake sends.

    ``secrets_shape``: ``"list"`` (newer spec, bare array) or ``"legacy"``
    (``{"secrets": [...]}`` with ``secret_*`` names). ``message_reply``: ``"null"``
    (newer spec, 200 ``null``) or ``"empty"`` (legacy spec, 204). ``upload_reply``:
    ``"text"`` (legacy spec, text/plain URL) or ``"json"`` (newer spec, JSON string).
    ``secret_delete_reply``: ``"message"`` (200 ``{message}``) or ``"empty"`` (204).
    """

    knowledge: dict[str, Record] = attrs.Factory(dict)
    folders: dict[str, Record] = attrs.Factory(dict)
    playbooks: dict[str, Record] = attrs.Factory(dict)
    secrets: dict[str, Record] = attrs.Factory(dict)
    audit_logs: list[Record] = attrs.Factory(list)
    secrets_shape: Literal["list", "legacy"] = "list"
    message_reply: Literal["null", "empty"] = "null"
    upload_reply: Literal["text", "json"] = "text"
    secret_delete_reply: Literal["message", "empty"] = "message"

    def audit(self, action: str, at: float, **fields: Any) -> Record:
        """Append an audit-log entry (``created_at`` in epoch milliseconds, as v1 sends)."""
        entry = {
            "audit_log_id": f"audit_log-{uuid.uuid4().hex}",
            "created_at": int(at * 1000),
            "action": action,
            **fields,
        }
        self.audit_logs.append(entry)
        return entry
