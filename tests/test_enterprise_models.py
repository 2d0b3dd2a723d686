"""Wire rules of the enterprise models: millisecond audit timestamps, open enums, extras."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from devin_async import DecodeError
from devin_async._converter import structure
from devin_async.models import AuditLog, GitPermission, Organization, RoleAssignment

ENTRY = {"audit_log_id": "audit_log-1", "action": "create_org", "data": {"name": "Ops"}}


@pytest.mark.parametrize(
    ("created_at", "expected"),
    [
        (1_704_067_200_000, datetime(2024, 1, 1, tzinfo=timezone.utc)),
        (1_704_067_200_250.0, datetime(2024, 1, 1, 0, 0, 0, 250000, tzinfo=timezone.utc)),
        # The same instant in seconds would be read as ms: the unit belongs to the field.
        (1_704_067_200, datetime(1970, 1, 20, 17, 21, 7, 200000, tzinfo=timezone.utc)),
        ("2024-01-01T00:00:00Z", datetime(2024, 1, 1, tzinfo=timezone.utc)),
    ],
)
def test_audit_log_created_at_is_epoch_milliseconds(created_at: object, expected: datetime) -> None:
    assert structure({**ENTRY, "created_at": created_at}, AuditLog).created_at == expected


def test_other_enterprise_timestamps_stay_epoch_seconds() -> None:
    org = structure(
        {
            "org_id": "org-1",
            "name": "Ops",
            "created_at": 1_704_067_200,
            "updated_at": 1_704_067_200,
        },
        Organization,
    )
    assert org.created_at == datetime(2024, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("created_at", [True, None, "yesterday", [1]])
def test_a_bad_audit_timestamp_is_a_decode_error_naming_the_field(created_at: object) -> None:
    with pytest.raises(DecodeError, match="created_at"):
        structure(
            {**ENTRY, "created_at": created_at}, AuditLog, what="GET /v3/enterprise/audit-logs"
        )


def test_unknown_fields_and_values_are_kept() -> None:
    role = {"role": {"role_id": "r", "role_name": "Auditor", "role_type": "account"}, "scope": "x"}
    assignment = structure(role, RoleAssignment)
    assert assignment.role.role_type == "account"
    assert not assignment.role.role_type.is_known
    assert assignment.extra == {"scope": "x"}
    permission = structure(
        {"git_permission_id": "p", "git_connection_id": "c", "branch_prefix": "release/"},
        GitPermission,
    )
    assert (permission.repo_path, permission.extra) == (None, {"branch_prefix": "release/"})
