"""The fake API's v1-only state (knowledge, playbooks, secrets, audit log).

v1 sessions and attachments are not here: they are the records every family shares
(``FakeState.sessions``, ``FakeState.of_kind("attachments")``), each rendered per family.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from ._state import FakeState

__all__ = ["V1Store", "seed_v1"]

Record = dict[str, Any]


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


def seed_v1(state: FakeState) -> None:
    """A folder, a note, a playbook, a secret and audit entries like the spec's examples."""
    v1 = state.v1
    created = 1704067200.0  # 2024-01-01T00:00:00Z
    v1.folders["folder-1"] = {
        "id": "folder-1",
        "name": "Backend",
        "description": "Notes about the backend services",
        "created_at": created,
    }
    v1.knowledge["note-1"] = {
        "id": "note-1",
        "name": "Run the tests",
        "body": "Use `make test`; never call pytest directly.",
        "trigger_description": "When running tests in the backend repo",
        "created_at": created,
        "created_by": {"id": "user-1", "full_name": "Ada Lovelace", "image_url": ""},
        "macro": None,
        "parent_folder_id": "folder-1",
        "pinned_repo": "example/repo",
    }
    v1.playbooks["playbook-1"] = {
        "playbook_id": "playbook-1",
        "title": "Deploy",
        "body": "1. Run the release script\n2. Watch the dashboards",
        "status": "published",
        "access_type": "team",
        "org_id": state.default_org_id,
        "created_at": created,
        "updated_at": created,
        "created_by_user_id": "user-1",
        "created_by_user_name": "Ada Lovelace",
        "updated_by_user_id": "user-1",
        "updated_by_user_name": "Ada Lovelace",
        "macro": "!deploy",
    }
    v1.secrets["secret-1"] = {
        "id": "secret-1",
        "type": "key-value",
        "key": "NPM_TOKEN",
        "value": "npm_fake_value",
        "sensitive": True,
        "note": "publishing",
        "created_at": created,
    }
    v1.audit("create_session", created, user_id="email|abcd", session_id="devin-abc123def456")
    v1.audit("add_members_to_org", created + 86400, target_user_id="email|efgh", org_id="org_123")
    v1.audit("create_github_integration", created + 2 * 86400, integration_id="github_456")
