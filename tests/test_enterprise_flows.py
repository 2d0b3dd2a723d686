"""Enterprise state changes over the fake API: what one call writes, the next reads."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from devin_async import AsyncDevin, ConflictError, NotFoundError, Request, Response
from devin_async.models import (
    AuditLogAction,
    GitPermissionSpec,
    IdpGroup,
    OrgGroup,
    ServiceUser,
    SessionStatus,
)
from devin_async.testing import FakeDevin

ORG1, ORG2 = "org-abc123def456", "org-fed987cba654"


async def test_organization_lifecycle_is_audited(fake: FakeDevin, client: AsyncDevin) -> None:
    e = client.enterprise
    fake.state.clock = lambda: 1_750_000_000.25
    org = await e.organizations.create(name="Ops", max_session_acu_limit=50)
    assert (org.name, org.max_session_acu_limit, org.max_cycle_acu_limit) == ("Ops", 50, None)
    assert org.created_at == datetime.fromtimestamp(1_750_000_000, tz=timezone.utc)
    assert org.org_id in {o.org_id async for o in e.organizations.list()}

    renamed = await e.organizations.update(org.org_id, name="Operations")
    assert (renamed.name, renamed.max_session_acu_limit) == ("Operations", 50)  # untouched
    cleared = await e.organizations.update(org.org_id, max_session_acu_limit=None)
    assert (cleared.name, cleared.max_session_acu_limit) == ("Operations", None)

    await e.organizations.delete(org.org_id)
    with pytest.raises(NotFoundError):
        await e.organizations.get(org.org_id)

    # The organization is gone, so its own audit-log path is too: read the enterprise's.
    trail = [log async for log in e.audit_logs.list(order="asc") if log.org_id == org.org_id]
    assert [log.action for log in trail] == ["create_org", "update_org", "update_org", "delete_org"]
    # The fake writes milliseconds (1750000000250): the model reads them as such.
    assert trail[0].created_at == datetime(2025, 6, 15, 15, 6, 40, 250000, tzinfo=timezone.utc)
    assert trail[0].action is AuditLogAction.CREATE_ORG


async def test_audit_log_timestamps_are_milliseconds_and_filters_seconds(
    client: AsyncDevin,
) -> None:
    logs = [log async for log in client.enterprise.audit_logs.list()]
    assert [log.action for log in logs] == ["add_member", "create_session", "login"]  # newest first
    assert logs[-1].created_at == datetime(2024, 1, 1, tzinfo=timezone.utc)  # 1704067200000 ms
    jan_2 = datetime(2024, 1, 2, tzinfo=timezone.utc)
    window = client.enterprise.audit_logs.list(
        time_after=jan_2, time_before=int(jan_2.timestamp()) + 1
    )
    assert [log.action async for log in window] == ["create_session"]
    assert [log.action async for log in client.enterprise.audit_logs.list(action="login")] == [
        "login"
    ]


async def test_an_unknown_audit_action_parses_and_reads_back(
    fake: FakeDevin, client: AsyncDevin
) -> None:
    entry = dict(fake.state.enterprise.audit_logs[0], action="rotate_quantum_keys")
    fake.state.enterprise.audit_logs[:] = [entry]
    (log,) = [log async for log in client.enterprise.audit_logs.list()]
    assert log.action == "rotate_quantum_keys"
    assert not log.action.is_known


async def test_user_membership_lifecycle(client: AsyncDevin) -> None:
    users = client.enterprise.users
    (invited,) = await users.invite(
        ["new@example.com"], enterprise_role_id="role-enterprise-member"
    )
    assert invited.role_assignments[0].role.role_id == "role-enterprise-member"
    assert (await users.get(invited.user_id)).email == "new@example.com"

    await users.assign(invited.user_id, org_id=ORG2, role_id="role-org-member")
    assert [u.user_id async for u in users.list(org_id=ORG2)] == [invited.user_id]
    updated = await users.update(invited.user_id, role_id="role-org-admin", org_id=ORG2)
    assert {(a.org_id, a.role.role_id) for a in updated.role_assignments} == {
        (None, "role-enterprise-member"),
        (ORG2, "role-org-admin"),
    }
    left = await users.delete(invited.user_id, org_id=ORG2)
    assert [a.org_id for a in left.role_assignments] == [None]
    assert [u async for u in users.list(org_id=ORG2)] == []

    await users.delete(invited.user_id)
    with pytest.raises(NotFoundError):
        await users.get(invited.user_id)


@pytest.mark.parametrize("org_id", [None, ORG2])
async def test_service_user_and_idp_group_roles_at_both_levels(
    client: AsyncDevin, org_id: str | None
) -> None:
    e = client.enterprise
    role, other = (
        ("role-enterprise-member", "role-enterprise-admin")
        if org_id is None
        else ("role-org-member", "role-org-admin")
    )
    for group, member in ((e.service_users, "service-user-ci"), (e.idp_groups, "design")):
        await group.assign(member, role_id=role, org_id=org_id)
        changed = await group.update(member, role_id=other, org_id=org_id)
        assert {a.role.role_id for a in changed.role_assignments if a.org_id == org_id} == {other}
        assert member in {_id(m) async for m in group.list(org_id=org_id)}
        await group.delete(member, org_id=org_id)
    # Removal from an organization leaves the enterprise membership; from the enterprise, all.
    still = {_id(m) async for m in e.service_users.list()}
    assert ("service-user-ci" in still) == (org_id is not None)


def _id(member: ServiceUser | IdpGroup) -> str:
    return member.service_user_id if isinstance(member, ServiceUser) else member.idp_group_name


async def test_registered_idp_groups(client: AsyncDevin) -> None:
    groups = client.enterprise.idp_groups
    made = await groups.register(["design", "engineering"])
    assert [g.idp_group_name for g in made] == ["design", "engineering"]
    assert await groups.unregister("design") == made[0]
    assert [g.idp_group_name async for g in groups.list_registered()] == ["engineering"]
    with pytest.raises(NotFoundError):
        await groups.unregister("design")


async def test_git_permissions_lifecycle(client: AsyncDevin) -> None:
    git = client.enterprise.git_providers
    spec = GitPermissionSpec(git_connection_id="git-connection-1", prefix_path="example/")
    (made,) = await git.create_permissions(ORG1, [spec])
    assert (made.prefix_path, made.repo_path) == ("example/", None)
    assert len([p async for p in git.list_permissions(ORG1)]) == 2

    replaced = await git.replace_permissions(ORG1, [spec, spec])
    assert len([p async for p in git.list_permissions(ORG1)]) == 2
    assert made.git_permission_id not in {p.git_permission_id for p in replaced}
    assert await git.delete_permission(ORG1, replaced[0].git_permission_id) == replaced[0]
    assert await git.clear_permissions(ORG1) == replaced[1:]
    assert [p async for p in git.list_permissions(ORG1)] == []
    assert [p async for p in git.list_permissions(ORG2)] == []


async def test_knowledge_notes_crud(client: AsyncDevin) -> None:
    notes = client.enterprise.knowledge
    note = await notes.create(name="Style", body="Use ruff.", trigger="python code")
    assert note.access_type == "enterprise"
    assert note.is_enabled
    changed = await notes.update(note.note_id, name="Style", body="Use ruff format.", trigger="py")
    assert [(n.note_id, n.body) async for n in notes.list()] == [(note.note_id, changed.body)]
    await notes.delete(note.note_id)
    assert [n async for n in notes.list()] == []
    with pytest.raises(NotFoundError):
        await notes.delete(note.note_id)


async def test_playbooks_crud(client: AsyncDevin) -> None:
    playbooks = client.enterprise.playbooks
    made = await playbooks.create(title="Release", body="Tag, build, publish.", macro="!release")
    assert (await playbooks.get(made.playbook_id)).macro == "!release"
    # PUT replaces: a macro left out is cleared.
    changed = await playbooks.update(made.playbook_id, title="Release", body="Tag and publish.")
    assert (changed.body, changed.macro) == ("Tag and publish.", None)
    assert [p.playbook_id async for p in playbooks.list()] == [made.playbook_id]
    await playbooks.delete(made.playbook_id)
    with pytest.raises(NotFoundError):
        await playbooks.get(made.playbook_id)


async def test_org_tags_and_default(client: AsyncDevin) -> None:
    tags = client.enterprise.org_tags
    assert await tags.add(ORG1, ["api", "release"]) == ["nightly", "api", "release"]
    assert await tags.remove(ORG1, "api") == ["nightly", "release"]
    assert await tags.set(ORG1, ["x"]) == ["x"]
    assert (await tags.set_default(ORG1, "x")).default_tag == "x"
    assert (await tags.get_default(ORG1)).default_tag == "x"
    assert (await tags.clear_default(ORG1)).default_tag is None
    assert await tags.clear(ORG1) == []
    assert await tags.get(ORG2) == ["nightly", "api"]  # other organizations untouched


async def test_ip_access_list_and_group_limits(client: AsyncDevin) -> None:
    e = client.enterprise
    assert (await e.ip_access_list.replace(["10.0.0.0/8", "2001:db8::/32"])).ip_ranges == [
        "10.0.0.0/8",
        "2001:db8::/32",
    ]
    assert (await e.ip_access_list.get()).ip_ranges == ["10.0.0.0/8", "2001:db8::/32"]
    assert (await e.ip_access_list.clear()).ip_ranges == []
    limits = {"core": OrgGroup(org_ids=[ORG1, ORG2], max_cycle_acus=1000)}
    assert (await e.organizations.replace_group_limits(limits)).groups == limits
    assert (await e.organizations.get_group_limits()).groups == limits


async def test_acu_limits_answer_empty_bodies(fake: FakeDevin, client: AsyncDevin) -> None:
    consumption = client.enterprise.consumption
    assert await consumption.set_acu_limit(ORG2, cycle_acu_limit=750) is None
    (limit,) = [x async for x in consumption.acu_limits()]
    assert (limit.org_id, limit.cycle_acu_limit, limit.scope) == (ORG2, 750, "org")
    assert await consumption.delete_acu_limit(ORG2) is None
    assert [x async for x in consumption.acu_limits()] == []
    assert fake.state.enterprise.acu_limits == {}


@pytest.mark.parametrize(
    ("status", "content"), [(200, b""), (204, b""), (200, b"  \n"), (200, b'{"ok": true}')]
)
async def test_empty_or_any_body_decodes_where_none_is_promised(
    status: int, content: bytes
) -> None:
    async def answer(request: Request) -> Response:
        return Response(status, {"Content-Type": "application/json"}, content, request)

    async with AsyncDevin(api_key="cog_test", transport=answer) as client:
        assert await client.enterprise.consumption.set_acu_limit("o", cycle_acu_limit=1) is None
        assert await client.enterprise.consumption.delete_acu_limit("o") is None


@pytest.mark.parametrize(
    "body",
    [
        b'[{"attachment_id": "a1", "name": "log.txt", "url": "https://x/a1", "source": "devin"}]',
        b'{"items": [{"attachment_id": "a1", "name": "log.txt", "url": "https://x/a1",'
        b' "source": "devin"}]}',
    ],
)
async def test_attachments_accept_a_bare_list_or_an_items_envelope(body: bytes) -> None:
    async def answer(request: Request) -> Response:
        return Response(200, {"Content-Type": "application/json"}, body, request)

    async with AsyncDevin(api_key="cog_test", transport=answer) as client:
        (attachment,) = await client.enterprise.sessions.attachments("devin-1")
    assert (attachment.name, attachment.source, attachment.content_type) == (
        "log.txt",
        "devin",
        None,
    )


async def test_session_messages_tags_and_insights(fake: FakeDevin, client: AsyncDevin) -> None:
    sessions = client.enterprise.sessions
    asleep = "devin-fed987cba654"
    woken = await sessions.send_message(asleep, "Carry on", org_id=ORG1)
    assert woken.status is SessionStatus.RUNNING
    last = [m async for m in sessions.messages(asleep)][-1]
    assert (last.message, last.source) == ("Carry on", "user")
    sent = fake.state.seen[-2]
    assert (sent.body, sent.query) == ({"message": "Carry on"}, [("org_id", ORG1)])

    assert await sessions.add_tags(asleep, ["nightly", "deps"]) == ["nightly", "deps"]
    assert await sessions.set_tags(asleep, ["deps"]) == ["deps"]
    assert (await sessions.get(asleep)).tags == ["deps"]

    first = await sessions.generate_insights(asleep)
    again = await sessions.generate_insights(asleep)
    assert (first.status, again.status) == ("started", "already_exists")
    done = fake.state.clock() + 3  # generating insights takes a while (3 s by default)
    fake.state.clock = lambda: done
    assert (await sessions.insights(asleep)).analysis is not None


async def test_remediation_launches_one_session(client: AsyncDevin) -> None:
    scans = client.enterprise.code_scans
    remediation = await scans.remediate(ORG1, "scan-1", "finding-1")
    session = await client.enterprise.sessions.get(remediation.session_id, org_id=ORG1)
    assert session.title == "Fix: SQL built from user input"
    (finding,) = [f async for f in scans.list_findings(scan_id="scan-1")]
    assert finding.session_id == remediation.session_id
    with pytest.raises(ConflictError):
        await scans.remediate(ORG1, "scan-1", "finding-1")


async def test_enterprise_sessions_span_organizations(fake: FakeDevin, client: AsyncDevin) -> None:
    other = fake.state.add_session(org_id=ORG2, title="Payments fix", tags=["nightly"])
    sessions = client.enterprise.sessions
    assert len([s async for s in sessions.list()]) == 3
    assert [s.session_id async for s in sessions.list(org_ids=[ORG2])] == [other["session_id"]]
    assert [s.org_id async for s in sessions.list(tags=["nightly"])] == [ORG2, ORG1]
    assert (await sessions.get(other["session_id"], org_id=ORG2)).title == "Payments fix"
    with pytest.raises(NotFoundError):
        await sessions.get(other["session_id"], org_id=ORG1)
    usage = await client.enterprise.metrics.usage(org_id=ORG2)
    assert usage.sessions_count == 1
