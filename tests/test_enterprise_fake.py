"""Each enterprise group against the fake API over a real loopback socket."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from devin_async import (
    AsyncDevin,
    NotFoundError,
    UnprocessableEntityError,
)
from devin_async._pagination import AsyncPaginator
from devin_async.models import (
    GitPermissionSpec,
    OrgGroup,
    QueueLevel,
)

ORG1, ORG2 = "org-abc123def456", "org-fed987cba654"
JAN_1 = 1_704_067_200
DAY = 86_400


async def drive(result: Any) -> Any:
    return await (result.to_list() if isinstance(result, AsyncPaginator) else result)


# (call, what the answer must satisfy) for calls that only read the seeded state.
READS: list[tuple[str, Callable[[Any], Any], Callable[[Any], bool]]] = [
    (
        "roles",
        lambda e: e.roles.list(),
        lambda r: {x.role_type for x in r} == {"enterprise", "org"},
    ),
    ("queue", lambda e: e.queue.status(), lambda q: q.status is QueueLevel.NORMAL),
    ("self", lambda e: e.self.get(), lambda s: s.service_user_name == "enterprise-admin-bot"),
    (
        "hypervisors by status",
        lambda e: e.hypervisors.list(status="draining"),
        lambda h: [x.hypervisor_id for x in h] == ["hv-2"],
    ),
    ("all hypervisors", lambda e: e.hypervisors.list(), lambda h: len(h) == 2),
    (
        "git connections",
        lambda e: e.git_providers.list_connections(),
        lambda c: c[0].git_provider_type == "github_app" and c[0].created_at.year == 2024,
    ),
    (
        "organizations",
        lambda e: e.organizations.list(),
        lambda o: {x.org_id for x in o} == {ORG1, ORG2},
    ),
    ("organization", lambda e: e.organizations.get(ORG2), lambda o: o.name == "Payments"),
    (
        "enterprise users",
        lambda e: e.users.list(),
        lambda u: [x.email for x in u] == ["user@example.com"],
    ),
    ("org users", lambda e: e.users.list(org_id=ORG2), lambda u: u == []),
    (
        "service user",
        lambda e: e.service_users.get("service-user-ci"),
        lambda s: (
            s.role_assignments[0].org_id == ORG1 and s.role_assignments[0].role.role_type == "org"
        ),
    ),
    (
        "org idp group",
        lambda e: e.idp_groups.get("engineering", org_id=ORG2),
        lambda g: g.idp_group_name == "engineering",
    ),
    ("registered groups", lambda e: e.idp_groups.list_registered(), lambda g: len(g) == 1),
    (
        "one org's audit logs",
        lambda e: e.audit_logs.list(org_id=ORG2),
        lambda logs: (
            [(x.action, x.data) for x in logs]
            == [("add_member", {"target_user_id": "email|user-2"})]
        ),
    ),
    ("cycles", lambda e: e.consumption.cycles(), lambda c: (c[0].before - c[0].after).days == 30),
    ("cycle pages", lambda e: e.consumption.cycles(page_size=1), lambda c: len(c) == 3),
    ("org tags", lambda e: e.org_tags.get(ORG1), lambda t: t == ["nightly", "api"]),
    ("default tag", lambda e: e.org_tags.get_default(ORG1), lambda t: t.default_tag is None),
    ("ip access list", lambda e: e.ip_access_list.get(), lambda ip: ip.ip_ranges == []),
    ("group limits", lambda e: e.organizations.get_group_limits(), lambda g: g.groups == {}),
    (
        "findings by severity",
        lambda e: e.code_scans.list_findings(severity=["high"], org_ids=[ORG1]),
        lambda f: f[0].reference_snippets[0].file_path == "app/db.py",
    ),
    ("no low findings", lambda e: e.code_scans.list_findings(severity=["low"]), lambda f: f == []),
    (
        "enterprise sessions in one org",
        lambda e: e.sessions.list(org_ids=[ORG1], tags=["nightly"]),
        lambda s: [x.session_id for x in s] == ["devin-fed987cba654"],
    ),
    (
        "insights list",
        lambda e: e.sessions.list_insights(session_ids=["devin-abc123def456"]),
        lambda s: s[0].analysis is not None and s[0].num_devin_messages == 2,
    ),
    ("session tags", lambda e: e.sessions.tags("devin-abc123def456"), lambda t: "review" in t),
    ("attachments", lambda e: e.sessions.attachments("devin-abc123def456"), lambda a: a == []),
    (
        "messages page by page",
        lambda e: e.sessions.messages("devin-abc123def456", page_size=3),
        lambda m: [x.source for x in m] == ["user", "devin", "user", "devin"],
    ),
    (
        "daily consumption",
        lambda e: e.consumption.daily(),
        lambda c: c.total_acus == 3.25 and [d.acus for d in c.consumption_by_date] == [2.5, 0.75],
    ),
    (
        "one org's consumption",
        lambda e: e.consumption.daily_for_organization(ORG1),
        lambda c: c.total_acus == 3.25 and c.consumption_by_date[0].acus_by_product.devin == 2.5,
    ),
    (
        "another org's consumption",
        lambda e: e.consumption.daily_for_organization(ORG2),
        lambda c: c.total_acus == 0,
    ),
    (
        "one user's consumption, windowed",
        lambda e: e.consumption.daily_for_user("email|user-1", time_after=JAN_1 + 31 * DAY),
        lambda c: c.total_acus == 0.75,
    ),
    (
        "a service user's consumption",
        lambda e: e.consumption.daily_for_service_user("su-x"),
        lambda c: c.total_acus == 0,
    ),
    (
        "a session's consumption",
        lambda e: e.consumption.daily_for_session("devin-abc123def456"),
        lambda c: c.total_acus == 2.5,
    ),
    (
        "searches",
        lambda e: e.metrics.searches(time_after=JAN_1, time_before=JAN_1 + DAY),
        lambda s: s.searches_created_count == 0,
    ),
    (
        "active users",
        lambda e: e.metrics.active_users(time_after=JAN_1, time_before=JAN_1 + 60 * DAY),
        lambda a: a.active_users == 1 and a.start_time.timestamp() == JAN_1,
    ),
    (
        "daily active users",
        lambda e: e.metrics.dau(time_after=JAN_1, time_before=JAN_1 + 3 * DAY - 1),
        lambda d: [x.active_users for x in d] == [1, 0, 0],
    ),
    (
        "weekly",
        lambda e: e.metrics.wau(time_after=JAN_1, time_before=JAN_1 + 14 * DAY - 1),
        lambda w: len(w) == 2,
    ),
    (
        "monthly",
        lambda e: e.metrics.mau(time_after=JAN_1, time_before=JAN_1 + 90 * DAY - 1),
        lambda m: len(m) == 3,
    ),
    (
        "pull requests",
        lambda e: e.metrics.prs(time_after=JAN_1, time_before=JAN_1 + 60 * DAY),
        lambda p: (p.prs_created_count, p.prs_opened_count) == (1, 1),
    ),
    (
        "session metrics",
        lambda e: e.metrics.sessions(time_after=JAN_1, time_before=JAN_1 + 60 * DAY),
        lambda s: s.sessions_created_count == 2 and s.sessions_created_by_origin.api == 1,
    ),
    (
        "usage",
        lambda e: e.metrics.usage(),
        lambda u: (u.sessions_count, u.searches_count) == (2, 0),
    ),
    (
        "org usage",
        lambda e: e.metrics.usage(org_id=ORG2),
        lambda u: (u.sessions_count, u.searches_count) == (0, 0),
    ),
]


@pytest.mark.parametrize(("name", "call", "check"), READS, ids=[r[0] for r in READS])
async def test_reads(
    client: AsyncDevin, name: str, call: Callable[[Any], Any], check: Callable[[Any], bool]
) -> None:
    assert check(await drive(call(client.enterprise))), name


# (call, error) for calls the fake refuses, as the API would.
REFUSED: list[tuple[str, Callable[[Any], Any], type[Exception]]] = [
    ("unknown org", lambda e: e.organizations.get("org-nope"), NotFoundError),
    (
        "session in another org",
        lambda e: e.sessions.get("devin-abc123def456", org_id=ORG2),
        NotFoundError,
    ),
    ("unknown playbook", lambda e: e.playbooks.get("playbook-nope"), NotFoundError),
    (
        "org role at enterprise level",
        lambda e: e.service_users.update("service-user-ci", role_id="role-org-admin"),
        NotFoundError,
    ),
    (
        "enterprise role in an org",
        lambda e: e.users.assign("email|user-1", org_id=ORG2, role_id="role-enterprise-admin"),
        UnprocessableEntityError,
    ),
    (
        "unknown role",
        lambda e: e.idp_groups.assign("eng", role_id="role-nope"),
        UnprocessableEntityError,
    ),
    ("bad CIDR", lambda e: e.ip_access_list.replace(["10.0.0.300/8"]), UnprocessableEntityError),
    (
        "bad email",
        lambda e: e.users.invite(["nobody"], enterprise_role_id="role-enterprise-member"),
        UnprocessableEntityError,
    ),
    (
        "unknown git connection",
        lambda e: e.git_providers.create_permissions(
            ORG1, [GitPermissionSpec(git_connection_id="nope")]
        ),
        UnprocessableEntityError,
    ),
    (
        "group of unknown orgs",
        lambda e: e.organizations.replace_group_limits({"g": OrgGroup(org_ids=["org-nope"])}),
        UnprocessableEntityError,
    ),
    (
        "audit window over 100 days",
        lambda e: e.audit_logs.list(time_after=0, time_before=101 * DAY),
        UnprocessableEntityError,
    ),
    (
        "metrics window backwards",
        lambda e: e.metrics.prs(time_after=2, time_before=1),
        UnprocessableEntityError,
    ),
    (
        "macro without !",
        lambda e: e.playbooks.create(title="t", body="b", macro="go"),
        UnprocessableEntityError,
    ),
    ("tag not allowed", lambda e: e.org_tags.remove(ORG1, "nope"), NotFoundError),
    ("no ACU limit to delete", lambda e: e.consumption.delete_acu_limit(ORG1), NotFoundError),
    (
        "remediation elsewhere",
        lambda e: e.code_scans.remediate(ORG2, "scan-1", "finding-1"),
        NotFoundError,
    ),
]


@pytest.mark.parametrize(("name", "call", "error"), REFUSED, ids=[r[0] for r in REFUSED])
async def test_refusals(
    client: AsyncDevin, name: str, call: Callable[[Any], Any], error: type[Exception]
) -> None:
    with pytest.raises(error):
        await drive(call(client.enterprise))
