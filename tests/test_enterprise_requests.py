"""The request each enterprise method builds: method, path, query and JSON body."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from devin_async import AsyncDevin, Request, Response
from devin_async._pagination import AsyncPaginator
from devin_async.models import AuditLogAction, GitPermissionSpec, OrgGroup

E = "/v3/enterprise"
JAN_1 = datetime(2024, 1, 1, tzinfo=timezone.utc)  # 1704067200
PAGE = [("first", "200")]


class Recorded(Exception):
    def __init__(self, request: Request):
        self.request = request


async def _record(request: Request) -> Response:
    raise Recorded(request)


async def drive(result: Any) -> Any:
    """Await a call, or walk a list call's pages."""
    return await (result.to_list() if isinstance(result, AsyncPaginator) else result)


async def sent(call: Callable[[Any], Any]) -> Request:
    async with AsyncDevin(api_key="cog_test", org_id="org-default", transport=_record) as c:
        with pytest.raises(Recorded) as caught:
            await drive(call(c.enterprise))
    return caught.value.request


# (call, method, path, query, body); lists ask for the API's maximum page of 200.
CASES: list[tuple[Callable[[Any], Any], str, str, list[tuple[str, str]], Any]] = [
    (
        lambda e: e.sessions.list(
            org_ids=["org-1", "org-2"], tags=["nightly"], created_after=JAN_1, is_archived=False
        ),
        "GET",
        E + "/sessions",
        [
            ("org_ids", "org-1"),
            ("org_ids", "org-2"),
            ("tags", "nightly"),
            ("created_after", "1704067200"),
            ("is_archived", "false"),
            *PAGE,
        ],
        None,
    ),
    (
        lambda e: e.sessions.list_insights(origins=["api"], limit=5),
        "GET",
        E + "/sessions/insights",
        [("origins", "api"), ("first", "5")],
        None,
    ),
    (lambda e: e.sessions.get("devin-1"), "GET", E + "/sessions/devin-1", [], None),
    (
        lambda e: e.sessions.insights("devin-1", org_id="org-2"),
        "GET",
        E + "/sessions/devin-1/insights",
        [("org_id", "org-2")],
        None,
    ),
    (
        lambda e: e.sessions.generate_insights("devin-1", org_id="org-2"),
        "POST",
        E + "/sessions/devin-1/insights/generate",
        [("org_id", "org-2")],
        None,
    ),
    (
        lambda e: e.sessions.messages("devin-1", page_size=50),
        "GET",
        E + "/sessions/devin-1/messages",
        [("first", "50")],
        None,
    ),
    (
        lambda e: e.sessions.send_message("devin-1", "hi", org_id="org-2"),
        "POST",
        E + "/sessions/devin-1/messages",
        [("org_id", "org-2")],
        {"message": "hi"},
    ),
    (
        lambda e: e.sessions.send_message("devin-1", "hi", message_as_user_id="email|u"),
        "POST",
        E + "/sessions/devin-1/messages",
        [],
        {"message": "hi", "message_as_user_id": "email|u"},
    ),
    (
        lambda e: e.sessions.attachments("devin-1", org_id="org-2"),
        "GET",
        E + "/sessions/devin-1/attachments",
        [("org_id", "org-2")],
        None,
    ),
    (lambda e: e.sessions.tags("devin-1"), "GET", E + "/sessions/devin-1/tags", [], None),
    (
        lambda e: e.sessions.add_tags("devin-1", ["a", "b"]),
        "POST",
        E + "/sessions/devin-1/tags",
        [],
        {"tags": ["a", "b"]},
    ),
    (
        lambda e: e.sessions.set_tags("devin-1", [], org_id="org-2"),
        "PUT",
        E + "/sessions/devin-1/tags",
        [("org_id", "org-2")],
        {"tags": []},
    ),
    (
        lambda e: e.audit_logs.list(
            action=AuditLogAction.LOGIN, order="asc", time_after=1, time_before=JAN_1
        ),
        "GET",
        E + "/audit-logs",
        [
            ("action", "login"),
            ("order", "asc"),
            ("time_after", "1"),
            ("time_before", "1704067200"),
            *PAGE,
        ],
        None,
    ),
    (
        lambda e: e.audit_logs.list(org_id="org-2", limit=10),
        "GET",
        E + "/organizations/org-2/audit-logs",
        [("first", "10")],
        None,
    ),
    (
        lambda e: e.code_scans.list_findings(severity=["high", "critical"], status=["open"]),
        "GET",
        E + "/code-scans/findings",
        [("severity", "high"), ("severity", "critical"), ("status", "open"), *PAGE],
        None,
    ),
    (
        lambda e: e.code_scans.remediate("org-1", "scan-1", "finding-1"),
        "POST",
        E + "/organizations/org-1/code-scans/scan-1/findings/finding-1/remediate",
        [],
        None,
    ),
    (
        lambda e: e.consumption.daily(time_after=1, time_before=2),
        "GET",
        E + "/consumption/daily",
        [("time_after", "1"), ("time_before", "2")],
        None,
    ),
    (
        lambda e: e.consumption.daily_for_organization("org-1"),
        "GET",
        E + "/consumption/daily/organizations/org-1",
        [],
        None,
    ),
    (
        lambda e: e.consumption.daily_for_user("email|u 1"),
        "GET",
        E + "/consumption/daily/users/email%7Cu%201",
        [],
        None,
    ),
    (
        lambda e: e.consumption.set_acu_limit("org-1", cycle_acu_limit=500),
        "PUT",
        E + "/consumption/acu-limits/devin/organizations/org-1",
        [],
        {"cycle_acu_limit": 500},
    ),
    (
        lambda e: e.organizations.create(name="Ops", max_session_acu_limit=None),
        "POST",
        E + "/organizations",
        [],
        {"name": "Ops", "max_session_acu_limit": None},
    ),
    (
        lambda e: e.organizations.update("org-1", max_cycle_acu_limit=100),
        "PATCH",
        E + "/organizations/org-1",
        [],
        {"max_cycle_acu_limit": 100},
    ),
    (
        lambda e: e.organizations.replace_group_limits(
            {"core": OrgGroup(org_ids=["org-1"], max_cycle_acus=1000)}
        ),
        "PUT",
        E + "/org-group-limits",
        [],
        {"groups": {"core": {"org_ids": ["org-1"], "max_cycle_acus": 1000}}},
    ),
    (
        lambda e: e.users.list(org_id="org-1"),
        "GET",
        E + "/organizations/org-1/members/users",
        PAGE,
        None,
    ),
    (
        lambda e: e.users.invite(["a@example.com"], enterprise_role_id="role-1"),
        "POST",
        E + "/members/users",
        [],
        {"emails": ["a@example.com"], "enterprise_role_id": "role-1"},
    ),
    (
        lambda e: e.users.assign("email|u", org_id="org-1", role_id="role-2"),
        "POST",
        E + "/organizations/org-1/members/users/email%7Cu",
        [],
        {"role_id": "role-2"},
    ),
    (
        lambda e: e.service_users.update("su-1", role_id="role-1"),
        "PATCH",
        E + "/members/service-users/su-1",
        [],
        {"role_id": "role-1"},
    ),
    (
        lambda e: e.idp_groups.delete("eng/team", org_id="org-1"),
        "DELETE",
        E + "/organizations/org-1/members/idp-groups/eng%2Fteam",
        [],
        None,
    ),
    (
        lambda e: e.idp_groups.register(["eng", "ops"]),
        "POST",
        E + "/idp-groups",
        [],
        {"idp_group_names": ["eng", "ops"]},
    ),
    (
        lambda e: e.git_providers.create_permissions(
            "org-1", [GitPermissionSpec(git_connection_id="gc-1", repo_path="a/b")]
        ),
        "POST",
        E + "/organizations/org-1/git-providers/permissions",
        [],
        {"permissions": [{"git_connection_id": "gc-1", "repo_path": "a/b"}]},
    ),
    (
        lambda e: e.knowledge.update("note-1", name="n", body="b", trigger="t"),
        "PUT",
        E + "/knowledge/notes/note-1",
        [],
        {"name": "n", "body": "b", "trigger": "t"},
    ),
    (
        lambda e: e.playbooks.create(title="t", body="b"),
        "POST",
        E + "/playbooks",
        [],
        {"title": "t", "body": "b"},
    ),
    (
        lambda e: e.playbooks.update("playbook-1", title="t", body="b", macro="!go"),
        "PUT",
        E + "/playbooks/playbook-1",
        [],
        {"title": "t", "body": "b", "macro": "!go"},
    ),
    (
        lambda e: e.metrics.dau(time_after=1, time_before=2, min_sessions=3, org_ids=["o"]),
        "GET",
        E + "/metrics/dau",
        [("time_after", "1"), ("time_before", "2"), ("min_sessions", "3"), ("org_ids", "o")],
        None,
    ),
    (
        lambda e: e.metrics.prs(time_after=1, time_before=2, playbook_id="p"),
        "GET",
        E + "/metrics/prs",
        [("time_after", "1"), ("time_before", "2"), ("playbook_id", "p")],
        None,
    ),
    (
        lambda e: e.metrics.usage(org_id="org-1"),
        "GET",
        E + "/organizations/org-1/metrics/usage",
        [],
        None,
    ),
    (
        lambda e: e.hypervisors.list(status="draining"),
        "GET",
        E + "/hypervisors",
        [("status", "draining"), *PAGE],
        None,
    ),
    (
        lambda e: e.ip_access_list.replace(["10.0.0.0/8"]),
        "PUT",
        E + "/ip-access-list",
        [],
        {"ip_ranges": ["10.0.0.0/8"]},
    ),
    (
        lambda e: e.org_tags.remove("org-1", "a b"),
        "DELETE",
        E + "/organizations/org-1/tags/a%20b",
        [],
        None,
    ),
    (
        lambda e: e.org_tags.set_default("org-1", "nightly"),
        "PUT",
        E + "/organizations/org-1/tags/default",
        [],
        {"tag": "nightly"},
    ),
    (lambda e: e.queue.status(), "GET", E + "/queue", [], None),
    (lambda e: e.self.get(), "GET", E + "/self", [], None),
]


@pytest.mark.parametrize(
    ("call", "method", "path", "params", "body"), CASES, ids=[f"{c[1]} {c[2]}" for c in CASES]
)
async def test_request(
    call: Callable[[Any], Any], method: str, path: str, params: Any, body: Any
) -> None:
    request = await sent(call)
    assert (request.method, request.path) == (method, path)
    assert list(request.params) == params
    assert request.json == body


BAD_INPUT: list[tuple[Callable[[Any], Any], type[Exception], str]] = [
    (lambda e: e.users.invite("a@example.com", enterprise_role_id="r"), TypeError, "emails"),
    (lambda e: e.org_tags.add("org-1", "nightly"), TypeError, "tags"),
    (lambda e: e.sessions.list(tag=["typo"]), TypeError, "tag"),
    (lambda e: e.audit_logs.list(time_before=5), ValueError, "time_after"),
    (lambda e: e.metrics.sessions(time_after=1, time_before=None), TypeError, "'time_before'"),
    (lambda e: e.organizations.update("org-1"), ValueError, "at least one"),
    (lambda e: e.organizations.replace_group_limits({"g": {"org_ids": []}}), TypeError, "OrgGroup"),
    (lambda e: e.git_providers.replace_permissions("o", [{"x": 1}]), TypeError, "Spec"),
    (lambda e: e.consumption.set_acu_limit("o", cycle_acu_limit=-1), ValueError, ">= 0"),
    (lambda e: e.consumption.set_acu_limit("o", cycle_acu_limit=True), TypeError, "int"),
    (lambda e: e.organizations.get(""), ValueError, "empty"),
    (lambda e: e.playbooks.get(".."), ValueError, "not a valid id"),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD_INPUT)
async def test_bad_input_is_refused_before_sending(
    call: Callable[[Any], Any], error: type[Exception], message: str
) -> None:
    async with AsyncDevin(api_key="cog_test", transport=_record) as client:
        with pytest.raises(error, match=message):
            await drive(call(client.enterprise))
