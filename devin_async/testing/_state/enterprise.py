"""The fake API's enterprise data: members, organizations, settings, audit trail, usage.

Records are kept in their wire shape (v3 epoch seconds; audit logs epoch milliseconds),
plus a few private keys (``_org_id``...) that say where a record belongs.
"""

from __future__ import annotations

import attrs

from .record import Record

__all__ = ["DAY", "EnterpriseState"]

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
    # People who are members through IdP groups: user_id, email, name, idp_groups. One
    # may be in ``members["users"]`` too, with roles of its own: that record says who it is.
    idp_users: dict[str, Record] = attrs.Factory(dict)
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

    def add_idp_user(
        self,
        user_id: str,
        *,
        idp_groups: list[str],
        email: str | None = None,
        name: str | None = None,
    ) -> Record:
        """A member through the IdP groups ``idp_groups``, whose roles it then holds."""
        user = {"user_id": user_id, "email": email, "name": name, "idp_groups": list(idp_groups)}
        self.idp_users[user_id] = user
        return user

    def idp_role_assignments(self, user_id: str) -> list[Record]:
        """The roles ``user_id`` holds through its IdP groups, each naming its group."""
        user = self.idp_users.get(user_id)
        groups = self.members["idp-groups"]
        return [
            {"idp_group_name": name, **assignment}
            for name in (user["idp_groups"] if user else ())
            if name in groups
            for assignment in groups[name]["role_assignments"]
        ]
