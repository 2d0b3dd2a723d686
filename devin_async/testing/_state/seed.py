"""The fake API's seed data: sessions, enterprise records and v1 records like the
reference pages' examples."""

from __future__ import annotations

from datetime import datetime, timezone

from .enterprise import DAY
from .fake import FakeState
from .record import Record

__all__ = ["seed_state"]


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
            "timeline": [
                {
                    "description": "Read the diff",
                    "title": "Start",
                    "color": "blue",
                    "issue_id": "i1",
                }
            ],
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
    _seed_enterprise(state)
    _seed_v1(state)
    return state


def _role(state: FakeState, role_id: str, name: str, kind: str) -> Record:
    role = {"role_id": role_id, "role_name": name, "role_type": kind}
    state.enterprise.roles[role_id] = role
    return role


def _seed_enterprise(state: FakeState) -> None:
    """Two organizations with members, settings, billing cycles and an audit trail."""
    ent = state.enterprise
    now = int(state.clock())
    org1, org2 = state.default_org_id, "org-fed987cba654"
    for org_id, name in ((org1, "Platform"), (org2, "Payments")):
        ent.organizations[org_id] = {
            "org_id": org_id,
            "name": name,
            "created_at": 1_704_067_200,
            "updated_at": 1_704_067_200,
            "max_cycle_acu_limit": None,
            "max_session_acu_limit": None,
        }
        ent.org_tags[org_id] = ["nightly", "api"]
        ent.default_tags[org_id] = None
    admin = _role(state, "role-enterprise-admin", "Enterprise Admin", "enterprise")
    _role(state, "role-enterprise-member", "Enterprise Member", "enterprise")
    org_admin = _role(state, "role-org-admin", "Org Admin", "org")
    _role(state, "role-org-member", "Org Member", "org")
    ent.members["users"]["email|user-1"] = {
        "user_id": "email|user-1",
        "email": "user@example.com",
        "name": "Ada Lovelace",
        "role_assignments": [
            {"role": admin, "org_id": None},
            {"role": org_admin, "org_id": org1},
        ],
    }
    ent.members["service-users"]["service-user-ci"] = {
        "service_user_id": "service-user-ci",
        "name": "ci-bot",
        "expires_at": None,
        "role_assignments": [{"role": org_admin, "org_id": org1}],
    }
    ent.registered_idp_groups["engineering"] = {"idp_group_name": "engineering"}
    ent.members["idp-groups"]["engineering"] = {
        "idp_group_name": "engineering",
        "role_assignments": [{"role": org_admin, "org_id": org2}],
    }
    ent.audit_logs.extend(
        {
            "audit_log_id": f"audit_log-{i:032x}",
            "action": action,
            "created_at": ms,
            "data": data,
            "org_id": org,
            "user_id": "email|user-1",
            "user_email": "user@example.com",
            "service_user_id": None,
            "service_user_name": None,
        }
        for i, (action, ms, org, data) in enumerate(
            [
                ("login", 1_704_067_200_000, None, {}),
                ("create_session", 1_704_153_600_000, org1, {"session_id": "devin-abc123def456"}),
                ("add_member", 1_704_240_000_000, org2, {"target_user_id": "email|user-2"}),
            ],
            start=1,
        )
    )
    ent.git_connections["git-connection-1"] = {
        "git_connection_id": "git-connection-1",
        "git_provider_type": "github_app",
        "host": "github.com",
        "name": "Example GitHub",
        "created_at": 1_704_067_200,
    }
    ent.git_permissions["git-permission-1"] = {
        "git_permission_id": "git-permission-1",
        "git_connection_id": "git-connection-1",
        "repo_path": "example/repo",
        "prefix_path": None,
        "group_prefix": None,
        "_org_id": org1,
    }
    ent.hypervisors.extend(
        {
            "hypervisor_id": f"hv-{i}",
            "status": status,
            "utilization_percentage": util,
            "cloud_provider_instance_id": f"i-{i:08x}",
            "created_at": 1_704_067_200,
            "last_heartbeat": now,
        }
        for i, (status, util) in enumerate((("available", 35.5), ("draining", 80.0)), start=1)
    )
    day0 = 1_704_096_000  # 2024-01-01 08:00 UTC: billing days start at midnight PST
    ent.cycles.extend(
        {"after": day0 + k * 30 * DAY, "before": day0 + (k + 1) * 30 * DAY} for k in range(3)
    )
    ent.findings["finding-1"] = {
        "finding_id": "finding-1",
        "scan_id": "scan-1",
        "title": "SQL built from user input",
        "description": "A query string is formatted with request data.",
        "category": "injection",
        "severity": "high",
        "status": "open",
        "repo_name": "example/repo",
        "recommendation": "Use bound parameters.",
        "note": "",
        "pr_url": None,
        "session_id": None,
        "orchestrator_session_id": "devin-scan000000001",
        "code_owners": ["@example/backend"],
        "reference_snippets": [
            {
                "file_path": "app/db.py",
                "start_line": 10,
                "end_line": 12,
                "code": "q = f'...'",
                "commentary": None,
            }
        ],
        "created_at": 1_704_067_200,
        "_org_id": org1,
    }


def _seed_v1(state: FakeState) -> None:
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
