"""The fake API's enterprise data: members, organizations, settings, audit trail, usage.

Records are kept in their wire shape (v3 epoch seconds; audit logs epoch milliseconds),
plus a few private keys (``_org_id``...) that say where a record belongs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from ._state import FakeState

__all__ = ["DAY", "EnterpriseState", "seed_enterprise"]

Record = dict[str, Any]
DAY = 86_400


@attrs.define
class EnterpriseState:
    """Everything ``/v3/enterprise/...`` serves beside the sessions ``FakeState`` holds
    (metrics and consumption are computed from those sessions)."""

    organizations: dict[str, Record] = attrs.Factory(dict)
    roles: dict[str, Record] = attrs.Factory(dict)
    # Members by kind ("users", "service-users", "idp-groups"), each by id.
    members: dict[str, dict[str, Record]] = attrs.Factory(
        lambda: {"users": {}, "service-users": {}, "idp-groups": {}}
    )
    registered_idp_groups: dict[str, Record] = attrs.Factory(dict)
    audit_logs: list[Record] = attrs.Factory(list)
    git_connections: dict[str, Record] = attrs.Factory(dict)
    git_permissions: dict[str, Record] = attrs.Factory(dict)
    notes: dict[str, Record] = attrs.Factory(dict)
    playbooks: dict[str, Record] = attrs.Factory(dict)
    hypervisors: list[Record] = attrs.Factory(list)
    ip_ranges: list[str] = attrs.Factory(list)
    org_tags: dict[str, list[str]] = attrs.Factory(dict)
    default_tags: dict[str, str | None] = attrs.Factory(dict)
    acu_limits: dict[str, int] = attrs.Factory(dict)
    org_groups: dict[str, Record] = attrs.Factory(dict)
    cycles: list[Record] = attrs.Factory(list)
    findings: dict[str, Record] = attrs.Factory(dict)
    identity: Record = attrs.Factory(
        lambda: {
            "service_user_id": "service-user-enterprise1",
            "service_user_name": "enterprise-admin-bot",
            "org_id": None,
        }
    )


def _role(state: FakeState, role_id: str, name: str, kind: str) -> Record:
    role = {"role_id": role_id, "role_name": name, "role_type": kind}
    state.enterprise.roles[role_id] = role
    return role


def seed_enterprise(state: FakeState) -> None:
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
            {"file_path": "app/db.py", "start_line": 10, "end_line": 12, "code": "q = f'...'"}
        ],
        "created_at": 1_704_067_200,
        "_org_id": org1,
    }
