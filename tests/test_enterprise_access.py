"""Addendum 2026-12 enterprise reads and writes: IP list append, git-permission PATCH,
IdP-derived members, and one user with its IdP roles."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from recording import Call, Sent, what_is_sent

from devin_async import AsyncDevin, NotFoundError, UnprocessableEntityError
from devin_async._converter import structure
from devin_async.models import GitPermission, GitPermissionSpec, UserWithIdpRoles
from devin_async.testing import FakeDevin

E = "/v3/enterprise"
PERMISSION = E + "/organizations/org-1/git-providers/permissions/git-permission-1"
ORG1, ORG2 = "org-abc123def456", "org-fed987cba654"

CASES: list[tuple[Call, Sent]] = [
    (
        lambda c: c.enterprise.ip_access_list.add(["10.0.0.0/8"]),
        ("POST", E + "/ip-access-list", [], {"ip_ranges": ["10.0.0.0/8"]}),
    ),
    (
        lambda c: c.enterprise.git_providers.update_permission(
            "org-1", "git-permission-1", read_only=True
        ),
        ("PATCH", PERMISSION, [], {"read_only": True}),
    ),
    (
        lambda c: c.enterprise.git_providers.update_permission("org-1", "git-permission-1"),
        ("PATCH", PERMISSION, [], {}),  # PATCH: what is not passed is not sent
    ),
    (
        lambda c: c.enterprise.users.list_idp_users(email="a@example.com"),
        ("GET", E + "/members/idp-users", [("email", "a@example.com"), ("first", "200")], None),
    ),
    (
        lambda c: c.enterprise.users.list_idp_users(org_id="org-2", limit=3),
        ("GET", E + "/organizations/org-2/members/idp-users", [("first", "3")], None),
    ),
    (
        lambda c: c.enterprise.users.get("email|u"),
        ("GET", E + "/members/users/email%7Cu", [], None),
    ),
]


@pytest.mark.parametrize(("call", "expected"), CASES)
async def test_each_method_sends_its_request(call: Call, expected: Sent) -> None:
    assert await what_is_sent(call) == expected


async def test_add_refuses_a_bare_string() -> None:
    async with AsyncDevin(api_key="cog_test") as client:
        with pytest.raises(TypeError, match="ip_ranges"):  # to mypy, a str is a Sequence[str]
            await client.enterprise.ip_access_list.add("10.0.0.0/8")


def test_a_user_read_decodes_roles_without_their_type() -> None:
    user = structure(
        {
            "user_id": "email|u",
            "email": None,
            "name": None,
            "role_assignments": [{"role": {"role_id": "r", "role_name": "Member"}, "org_id": None}],
        },
        UserWithIdpRoles,
    )
    assert user.role_assignments[0].role.role_type is None
    assert user.idp_role_assignments is None  # optional: older answers leave it out


def test_a_git_permission_reads_the_new_fields_and_defaults_them() -> None:
    wire = {"git_permission_id": "p", "git_connection_id": "c"}
    assert (
        structure(wire, GitPermission).read_only,
        structure(wire, GitPermission).created_at,
    ) == (
        False,
        None,
    )
    newer = structure({**wire, "read_only": True, "created_at": 1_704_067_200}, GitPermission)
    assert newer.read_only
    assert newer.created_at == datetime(2024, 1, 1, tzinfo=timezone.utc)


async def test_add_appends_to_the_ip_access_list(client: AsyncDevin) -> None:
    ips = client.enterprise.ip_access_list
    await ips.replace(["10.0.0.0/8"])
    added = await ips.add(["192.168.0.0/16", "10.0.0.0/8"])
    assert added.ip_ranges == ["10.0.0.0/8", "192.168.0.0/16"]  # nothing removed or repeated
    assert (await ips.get()).ip_ranges == added.ip_ranges
    with pytest.raises(UnprocessableEntityError, match="CIDR"):
        await ips.add(["10.0.0.300/8"])


async def test_a_git_permission_becomes_read_only(client: AsyncDevin) -> None:
    git = client.enterprise.git_providers
    (seeded,) = await git.list_permissions(ORG1).to_list()
    assert (seeded.read_only, seeded.created_at) == (False, None)
    changed = await git.update_permission(ORG1, seeded.git_permission_id, read_only=True)
    assert changed.read_only and changed.repo_path == "example/repo"
    assert (await git.update_permission(ORG1, seeded.git_permission_id)).read_only  # unchanged
    with pytest.raises(NotFoundError):  # a permission of another organization
        await git.update_permission(ORG2, seeded.git_permission_id, read_only=False)
    (made,) = await git.create_permissions(
        ORG2, [GitPermissionSpec(git_connection_id="git-connection-1", prefix_path="example/")]
    )
    assert made.created_at is not None and not made.read_only


async def test_idp_users_are_those_with_roles_from_idp_groups(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    users = client.enterprise.users
    assert await users.list_idp_users().to_list() == []
    # The seeded "engineering" group gives an org role in ORG2; Ada is in it too.
    fake.state.enterprise.add_idp_user("email|user-1", idp_groups=["engineering"])
    (found,) = await users.list_idp_users(email="user@example.com").to_list()
    assert found.name == "Ada Lovelace"  # from her member record
    (assignment,) = found.idp_role_assignments
    assert (assignment.idp_group_name, assignment.org_id) == ("engineering", ORG2)
    assert assignment.role.role_id == "role-org-admin"
    assert [u.user_id async for u in users.list_idp_users(org_id=ORG2)] == ["email|user-1"]
    assert await users.list_idp_users(org_id=ORG1).to_list() == []
    assert await users.list_idp_users(email="nobody@example.com").to_list() == []

    user = await users.get("email|user-1")
    assert isinstance(user, UserWithIdpRoles)
    assert user.idp_role_assignments == found.idp_role_assignments
    assert len(user.role_assignments) == 2  # the direct ones, as before
    with pytest.raises(NotFoundError):
        await users.list_idp_users(org_id="org-unknown").to_list()
