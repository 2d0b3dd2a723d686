"""The fake stays true to the API: every route answers what the SDK's own models say.

A scenario calls every route of the fake's route tables through the SDK's methods (the
SDK picks the model). A client middleware keeps each raw answer, and each is held to that
model strictly: a key the model does not know fails, and so does a field of the model
the answer leaves out (unless ``MAY_OMIT`` says why it may). Then every route of the
app must have been called: a route added without a call here fails the test.
"""

from __future__ import annotations

import io
import json
import re
import types
import typing
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import attrs
import pytest

from devin_async import AsyncDevin, Handler, Request, Response
from devin_async._converter import WIRE_NAME, structure
from devin_async._pagination import AsyncPaginator
from devin_async.models import GitPermissionSpec, OrgGroup, SessionTags
from devin_async.models._base import Model
from devin_async.testing import FAKE_V1_API_KEY, FakeClock, FakeDevin, create_app

ORG1, ORG2 = "org-abc123def456", "org-fed987cba654"
SID, ASLEEP = "devin-abc123def456", "devin-fed987cba654"
JAN_1, FEB_1 = 1_704_067_200, 1_706_745_600
PR, OTHER_PR = "https://github.com/example/repo/pull/7", "https://github.com/example/repo/pull/8"
REPO = "github.com/example/repo"  # the seed's git permission gives it to ORG1

# Model fields an answer may leave out (for answers whose path starts with the prefix),
# and why that is true to the API.
MAY_OMIT: dict[tuple[str, str], set[str]] = {
    # Gone from the newest API (S1/S2 and v3beta1 had it): the model keeps it for them.
    ("SessionResponse", "/"): {"is_advanced"},
    # An enterprise note (enterprise.KnowledgeNoteResponse) has no folder path, macro, repo.
    ("NoteResponse", "/v3/enterprise/"): {"folder_path", "macro", "pinned_repo"},
    # Only an idempotent create says whether the session is new.
    ("V1SessionCreated", "/"): {"is_new_session"},
    # GET /v1/sessions/{id} has no requester; only the list's summaries do.
    ("V1Session", "/"): {"requesting_user_email"},
    # Organization-scoped member pages leave out a role's role_type (addendum 2026-12, §3).
    ("Role", "/v3beta1/organizations/"): {"role_type"},
    # An audit entry carries the keys of its action only (legacy spec, S4).
    ("V1AuditLog", "/"): {
        "user_id",
        "session_id",
        "org_id",
        "target_user_id",
        "integration_id",
        "setting_type",
    },
}
# Keys an answer may carry beyond the model, which keeps them in ``extra`` by design.
MAY_ADD: dict[str, set[str]] = {
    # Action-specific keys beyond the six the legacy spec shows.
    "V1AuditLog": {"note_id", "playbook_id", "secret_id"},
}


def excused(table: dict[tuple[str, str], set[str]], cls: type, path: str) -> set[str]:
    """What ``table`` excuses for ``cls`` (or a base of it) at ``path``."""
    return {
        key
        for (name, prefix), keys in table.items()
        if path.startswith(prefix) and name in {c.__name__ for c in cls.__mro__}
        for key in keys
    }


# Routes documented to answer with an empty body (or 204): they must.
EMPTY = {
    ("PUT", "/v3/enterprise/consumption/acu-limits/devin/organizations/{org_id}"),
    ("DELETE", "/v3/enterprise/consumption/acu-limits/devin/organizations/{org_id}"),
    ("DELETE", "/v1/knowledge/{note_id}"),
    # Addendum 2026-12, snapshot setup.
    ("DELETE", "/v3beta1/organizations/{org_id}/snapshot-setup/builds/{build_id}/pin"),
    ("DELETE", "/v3beta1/organizations/{org_id}/snapshot-setup/blueprints/{blueprint_id}"),
    (
        "DELETE",
        "/v3beta1/organizations/{org_id}/snapshot-setup/blueprints/{blueprint_id}/files/{file_id}",
    ),
    ("DELETE", "/v3beta1/enterprise/snapshot-setup/blueprints/{blueprint_id}"),
    ("DELETE", "/v3beta1/enterprise/snapshot-setup/blueprints/{blueprint_id}/files/{file_id}"),
}
# Routes that answer no JSON to check, and why.
NO_JSON = EMPTY | {
    ("GET", "/_presigned/{token}"),  # the storage host's bytes, reached by redirect
    ("GET", "/v3/organizations/{org_id}/attachments/{uuid}/{name}"),  # 307 to it
    ("GET", "/v1/attachments/{uuid}/{name}"),  # 307 to it
    # 200 {"message"} or 204 (v1 knobs): the SDK reads no body from it.
    ("DELETE", "/v1/secrets/{secret_id}"),
}


class Recorder:
    """A client middleware keeping every answer the pipeline returns."""

    def __init__(self) -> None:
        self.answers: list[Response] = []

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        response = await call_next(request)
        self.answers.append(response)
        return response


def wire_names(cls: type[Model]) -> dict[str, str]:
    return {
        a.name: a.metadata.get(WIRE_NAME, a.name)
        for a in attrs.fields(cls)
        if a.name != "extra" and a.init
    }


def strict(data: Any, tp: Any, where: str, problems: list[str]) -> None:
    """Collect where ``data`` has keys ``tp`` lacks, or lacks fields ``tp`` has.

    ``where`` is ``"METHOD /path..."``, the path first, for ``MAY_OMIT``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return strict(data, args[0], where, problems)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        tries: list[list[str]] = []
        for option in options:
            tries.append([])
            strict(data, option, where, tries[-1])
            if not tries[-1]:
                return None
        fewest = min(tries, key=len)  # named: inside extend(), mypy infers min()'s type askew
        problems.extend(fewest)
        return None
    if origin is list and args and isinstance(data, list):
        for i, item in enumerate(data):
            strict(item, args[0], f"{where}[{i}]", problems)
        return None
    if isinstance(tp, type) and issubclass(tp, Model):
        if not isinstance(data, dict):
            problems.append(f"{where}: {type(data).__name__}, not an object for {tp.__name__}")
            return None
        names = wire_names(tp)
        hints = typing.get_type_hints(tp, include_extras=True)
        known = set(names.values())
        path = where.split(" ", 1)[1]
        unknown = (
            set(data) - known - set().union(*(MAY_ADD.get(c.__name__, ()) for c in tp.__mro__))
        )
        problems.extend(f"{where}.{k}: unknown to {tp.__name__}" for k in sorted(unknown))
        absent = known - set(data) - excused(MAY_OMIT, tp, path)
        problems.extend(f"{where}.{k}: left out ({tp.__name__})" for k in sorted(absent))
        for attr, wire in names.items():
            if wire in data:
                strict(data[wire], hints[attr], f"{where}.{wire}", problems)
    return None


def unwrapped(data: Any, model: Any) -> bool:
    """Whether ``data`` is ``{"name": [...]}`` around the list of ``model`` the SDK returns."""
    if not (isinstance(data, dict) and len(data) == 1):
        return False
    (key, value), fields = next(iter(data.items())), set()
    if isinstance(model, type) and issubclass(model, Model):
        fields = set(wire_names(model).values())
    return isinstance(value, list) and key not in fields


@pytest.fixture
async def fake() -> AsyncIterator[FakeDevin]:
    async with FakeDevin(clock=FakeClock(start=float(FEB_1))) as server:
        yield server


class Scenario:
    """Calls made through the SDK, each answer checked against the model it decoded to."""

    def __init__(self, client: AsyncDevin, recorder: Recorder, fake: FakeDevin):
        self.client = client
        self.recorder = recorder
        self.state = fake.state
        self.routes = routes_of(fake)
        self.problems: list[str] = []
        self.checked: set[tuple[str, str]] = set()  # routes whose answer was held to a model

    async def __call__(self, call: Awaitable[Any] | AsyncPaginator[Any], model: Any = None) -> Any:
        start = len(self.recorder.answers)
        if isinstance(call, AsyncPaginator):
            result: Any = await call.to_list()
            envelope: tuple[str, ...] | None = (
                ("items", "end_cursor", "has_next_page", "total")
                if call._items_key == "items"
                else (call._items_key,)
            )
            model = model or call._item_type
        else:
            result, envelope = await call, None
            if model is None and isinstance(result, list):
                assert result, "an empty list says no model: pass model="
                model = type(result[0])
            model = model or type(result)
        for response in self.recorder.answers[start:]:
            self.check(response, model, envelope)
        return result

    def check(self, response: Response, model: Any, envelope: tuple[str, ...] | None) -> None:
        where = f"{response.request.method} {response.request.path}"
        route = route_of(self.routes, response.request.method, response.request.path)
        if route in EMPTY and response.content:
            self.problems.append(f"{where}: a body, where the docs say none")
        if not response.content or model is type(None):
            return
        self.checked.add(route)
        if "json" not in response.headers.get("Content-Type", ""):  # v1's text/plain URL
            if model is not str:
                self.problems.append(f"{where}: not JSON, for {model}")
            return
        data = json.loads(response.content)
        if data is None:  # v1 answers a message with null; the SDK reads it as no detail
            return
        if envelope is not None:
            if set(data) != set(envelope):
                self.problems.append(f"{where}: page keys {sorted(data)}, not {envelope}")
            data = data[envelope[0]]
        elif unwrapped(data, model):
            data = next(iter(data.values()))  # a list the SDK unwraps: {"audit_logs": [...]}
        if isinstance(data, list):
            structure(data, list[model])
            for i, item in enumerate(data):
                strict(item, model, f"{where}[{i}]", self.problems)
        else:
            structure(data, model)
            strict(data, model, where, self.problems)


async def v3_sessions(run: Scenario) -> None:
    s = run.client.sessions
    created = await run(s.create("Explain the build", tags=["fidelity"]))
    sid = created.session_id
    await run(s.send_message(sid, "And the tests"))
    await run(s.wait(sid))
    await run(s.get(SID))
    await run(s.list(tags=["fidelity"]))
    await run(s.list_insights(session_ids=[SID]))
    await run(s.insights(SID))
    await run(s.generate_insights(sid))
    await run(s.messages(SID))
    await run(s.tags(SID), model=SessionTags)
    await run(s.add_tags(SID, ["x"]), model=SessionTags)
    await run(s.set_tags(SID, ["review"]), model=SessionTags)
    events = await run(s.events(SID))
    await run(s.search_events(SID, "security"))
    await run(s.event_details(SID, event_ids=[events[0].event_id]))
    await run(s.archive(sid))
    await run(s.terminate(sid))


async def v3_records(run: Scenario) -> None:
    c = run.client
    note = await run(c.knowledge.create(name="Tests", body="make test", trigger="testing"))
    await run(c.knowledge.list())
    await run(c.knowledge.get(note.note_id))
    await run(c.knowledge.update(note.note_id, name="Tests", body="make check", trigger="t"))
    await run(c.knowledge.folders())
    await run(c.knowledge.delete(note.note_id))
    book = await run(c.playbooks.create(title="Deploy", body="1. ship", macro="!deploy"))
    await run(c.playbooks.list())
    await run(c.playbooks.get(book.playbook_id))
    await run(c.playbooks.update(book.playbook_id, title="Deploy", body="2. ship"))
    await run(c.playbooks.delete(book.playbook_id))
    secret = await run(c.secrets.create(key="NPM_TOKEN", value="npm_x"))
    await run(c.secrets.list())
    await run(c.secrets.delete(secret.secret_id))
    schedule = await run(c.schedules.create(name="Nightly", prompt="bump", frequency="0 3 * * *"))
    await run(c.schedules.list())
    await run(c.schedules.get(schedule.scheduled_session_id))
    await run(c.schedules.update(schedule.scheduled_session_id, enabled=False))
    await run(c.schedules.delete(schedule.scheduled_session_id))
    upload = await run(c.attachments.upload(io.BytesIO(b"log"), filename="build.log"))
    await c.attachments.download(upload.attachment_id, upload.name)
    sid = (await run(c.sessions.create("Read the log", attachment_urls=[upload.url]))).session_id
    await run(c.sessions.attachments(sid))
    await run(c.enterprise.sessions.attachments(sid))


async def v3_usage(run: Scenario) -> None:
    c = run.client
    for metric in (c.metrics.active_users, c.metrics.dau, c.metrics.wau, c.metrics.mau):
        await run(metric(time_after=JAN_1, time_before=FEB_1))
    await run(c.metrics.sessions(time_after=JAN_1, time_before=FEB_1))
    await run(c.metrics.prs(time_after=JAN_1, time_before=FEB_1))
    await run(c.metrics.searches(time_after=JAN_1, time_before=FEB_1))
    await run(c.metrics.usage())
    await run(c.consumption.daily())
    await run(c.consumption.daily_for_user("email|user-1"))
    await run(c.consumption.daily_for_service_user("service-user-1"))
    await run(c.consumption.daily_for_session(SID))
    await run(c.self.get())
    await run(c.code_scans.start("example/repo"))


async def enterprise_sessions_and_usage(run: Scenario) -> None:
    e = run.client.enterprise
    await run(e.sessions.list(org_ids=[ORG1]))
    await run(e.sessions.list_insights(session_ids=[SID]))
    await run(e.sessions.get(SID))
    await run(e.sessions.insights(SID))
    await run(e.sessions.generate_insights(ASLEEP))
    await run(e.sessions.messages(SID))
    await run(e.sessions.send_message(ASLEEP, "Carry on", org_id=ORG1))
    await run(e.sessions.tags(SID), model=SessionTags)
    await run(e.sessions.add_tags(SID, ["y"]), model=SessionTags)
    await run(e.sessions.set_tags(SID, ["review"]), model=SessionTags)
    for metric in (e.metrics.active_users, e.metrics.dau, e.metrics.wau, e.metrics.mau):
        await run(metric(time_after=JAN_1, time_before=FEB_1))
    await run(e.metrics.sessions(time_after=JAN_1, time_before=FEB_1))
    await run(e.metrics.prs(time_after=JAN_1, time_before=FEB_1))
    await run(e.metrics.searches(time_after=JAN_1, time_before=FEB_1))
    await run(e.metrics.usage())
    await run(e.metrics.usage(org_id=ORG1))
    await run(e.consumption.daily())
    await run(e.consumption.daily_for_organization(ORG1))
    await run(e.consumption.daily_for_user("email|user-1"))
    await run(e.consumption.daily_for_service_user("service-user-ci"))
    await run(e.consumption.daily_for_session(SID))
    await run(e.consumption.cycles())
    await run(e.consumption.set_acu_limit(ORG1, cycle_acu_limit=100), model=type(None))
    await run(e.consumption.acu_limits())
    await run(e.consumption.delete_acu_limit(ORG1), model=type(None))
    await run(e.audit_logs.list())
    await run(e.audit_logs.list(org_id=ORG2))
    await run(e.queue.status())
    await run(e.self.get())
    await run(e.hypervisors.list())
    findings = await run(e.code_scans.list_findings())
    await run(e.code_scans.remediate(ORG1, findings[0].scan_id, findings[0].finding_id))


async def enterprise_admin(run: Scenario) -> None:
    e = run.client.enterprise
    org = await run(e.organizations.create(name="Ops"))
    await run(e.organizations.list())
    await run(e.organizations.get(org.org_id))
    await run(e.organizations.update(org.org_id, name="Operations"))
    await run(e.organizations.delete(org.org_id))
    await run(e.organizations.get_group_limits())
    await run(e.organizations.replace_group_limits({"core": OrgGroup(org_ids=[ORG1])}))
    await run(e.roles.list())
    await run(e.git_providers.list_connections())
    spec = GitPermissionSpec(git_connection_id="git-connection-1", repo_path="example/other")
    made = await run(e.git_providers.create_permissions(ORG1, [spec]))
    await run(e.git_providers.list_permissions(ORG1))
    await run(e.git_providers.delete_permission(ORG1, made[0].git_permission_id))
    await run(e.git_providers.replace_permissions(ORG1, [spec]))
    await run(e.git_providers.clear_permissions(ORG1))
    note = await run(e.knowledge.create(name="Style", body="PEP 8", trigger="python"))
    await run(e.knowledge.list())
    await run(e.knowledge.update(note.note_id, name="Style", body="ruff", trigger="python"))
    await run(e.knowledge.delete(note.note_id))
    book = await run(e.playbooks.create(title="Triage", body="1. read", macro="!triage"))
    await run(e.playbooks.list())
    await run(e.playbooks.get(book.playbook_id))
    await run(e.playbooks.update(book.playbook_id, title="Triage", body="2. fix"))
    await run(e.playbooks.delete(book.playbook_id))
    await run(e.ip_access_list.get())
    await run(e.ip_access_list.replace(["10.0.0.0/8"]))
    await run(e.ip_access_list.clear())
    await enterprise_org_tags(run)
    await members(run)


async def enterprise_org_tags(run: Scenario) -> None:
    t = run.client.enterprise.org_tags
    await run(t.get(ORG1), model=SessionTags)
    await run(t.add(ORG1, ["deps"]), model=SessionTags)
    await run(t.set(ORG1, ["deps", "ci"]), model=SessionTags)
    await run(t.remove(ORG1, "ci"), model=SessionTags)
    await run(t.clear(ORG1), model=SessionTags)
    await run(t.get_default(ORG1))
    await run(t.set_default(ORG1, "deps"))
    await run(t.clear_default(ORG1))


async def members(run: Scenario) -> None:
    e = run.client.enterprise
    admin, org_admin = "role-enterprise-admin", "role-org-admin"
    org_member = "role-org-member"
    invited = await run(e.users.invite(["grace@example.com"], enterprise_role_id=admin))
    user = invited[0].user_id
    await run(e.users.list())
    await run(e.users.get(user))
    await run(e.users.update(user, role_id="role-enterprise-member"))
    await run(e.users.assign(user, org_id=ORG1, role_id=org_admin))
    await run(e.users.list(org_id=ORG1))
    await run(e.users.update(user, role_id=org_member, org_id=ORG1))
    await run(e.users.delete(user, org_id=ORG1))
    await run(e.users.delete(user))
    bot = "service-user-ci"
    await run(e.service_users.list())
    await run(e.service_users.get(bot))
    await run(e.service_users.assign(bot, role_id=admin))
    await run(e.service_users.update(bot, role_id="role-enterprise-member"))
    await run(e.service_users.assign(bot, role_id=org_admin, org_id=ORG2))
    await run(e.service_users.list(org_id=ORG2))
    await run(e.service_users.update(bot, role_id=org_member, org_id=ORG2))
    await run(e.service_users.delete(bot, org_id=ORG2))
    await run(e.service_users.delete(bot))
    group = "platform"
    await run(e.idp_groups.register([group]))
    await run(e.idp_groups.list_registered())
    await run(e.idp_groups.assign(group, role_id=admin))
    await run(e.idp_groups.list())
    await run(e.idp_groups.get(group))
    await run(e.idp_groups.update(group, role_id="role-enterprise-member"))
    await run(e.idp_groups.assign(group, role_id=org_admin, org_id=ORG1))
    await run(e.idp_groups.list(org_id=ORG1))
    await run(e.idp_groups.get(group, org_id=ORG1))
    await run(e.idp_groups.update(group, role_id=org_member, org_id=ORG1))
    await run(e.idp_groups.delete(group, org_id=ORG1))
    await run(e.idp_groups.delete(group))
    await run(e.idp_groups.unregister(group))


async def reviews_and_scans(run: Scenario) -> None:
    c, e = run.client, run.client.enterprise
    await run(c.pr_reviews.create(PR))
    await run(c.pr_reviews.get(PR))
    await run(e.pr_reviews.create(OTHER_PR))
    await run(e.pr_reviews.get(OTHER_PR))
    await run(c.code_scans.list_profiles())
    await run(c.code_scans.metrics(time_after=JAN_1, time_before=FEB_1))
    await run(e.code_scans.list_scans())
    await run(e.code_scans.list_profiles())
    await run(e.code_scans.metrics(time_after=JAN_1, time_before=FEB_1))


async def enterprise_access(run: Scenario) -> None:
    e = run.client.enterprise
    await run(e.ip_access_list.add(["192.168.0.0/16"]))
    (permission,) = await run(e.git_providers.list_permissions(ORG1))
    await run(e.git_providers.update_permission(ORG1, permission.git_permission_id, read_only=True))
    # The seed's "engineering" group gives a role in ORG2: to Ada (a member already) and
    # to Grace (a member through the group only).
    ent = run.state.enterprise
    ent.add_idp_user("email|user-1", idp_groups=["engineering"])
    ent.add_idp_user(
        "okta|grace", email="grace@example.com", name="Grace", idp_groups=["engineering"]
    )
    await run(e.users.list_idp_users())
    await run(e.users.list_idp_users(org_id=ORG2))
    await run(e.users.get("email|user-1"))


async def snapshot_setup(run: Scenario) -> None:
    builds = run.client.snapshot_setup.builds
    build = await run(builds.create())
    await run(builds.wait(build.build_id, interval=1))
    await run(builds.list())
    await run(builds.pin(build.build_id))
    await run(builds.unpin(build.build_id), model=type(None))
    await builds.download(await run(builds.logs(build.build_id)))
    await run(builds.cancel((await run(builds.create())).build_id))
    org = run.client.snapshot_setup.blueprints
    made = await run(org.create(repo_name="example/repo", contents="steps: []"))
    await a_blueprints_life(
        run, org, made.blueprint_id, lambda b: org.update(b, contents="steps: [x]")
    )
    shared = run.client.enterprise.snapshot_setup.blueprints
    made = await run(shared.create(contents="base: ubuntu"))
    await a_blueprints_life(
        run, shared, made.blueprint_id, lambda b: shared.replace(b, contents="base: debian")
    )


async def a_blueprints_life(
    run: Scenario, blueprints: Any, blueprint_id: str, change: Callable[[str], Awaitable[Any]]
) -> None:
    """Read, ``change``, download, files, delete: an organization's or the enterprise's."""
    await run(blueprints.list())
    await run(blueprints.get(blueprint_id))
    await run(change(blueprint_id))
    await blueprints.download(await run(blueprints.contents(blueprint_id)))
    file = await run(blueprints.upload_file(blueprint_id, b"#!/bin/sh\n", name="setup.sh"))
    await run(blueprints.list_files(blueprint_id))
    await run(blueprints.delete_file(blueprint_id, file.file_id), model=type(None))
    await run(blueprints.delete(blueprint_id), model=type(None))


async def service_users_and_members(run: Scenario) -> None:
    c, e = run.client, run.client.enterprise
    keys, bot = e.service_user_api_keys, "service-user-ci"
    key = await run(keys.create(bot, name="deploy", expires_at=FEB_1 + 3600))
    await run(keys.list(bot))
    await run(keys.rotate(bot, key.api_key_id, revoke_current=False))
    await run(keys.revoke(bot, key.api_key_id))
    await run(
        c.service_user_provisioning.create(name="bot", role_id="role-org-member", ttl_seconds=60)
    )
    await run(
        e.service_user_provisioning.create(
            name="admin-bot", role_id="role-enterprise-admin", ttl_seconds=60
        )
    )
    await run(c.users.list())
    await run(c.users.get("email|user-1"))
    await run(c.users.get("okta|grace", org_id=ORG2))
    await run(c.users.list_idp_users(org_id=ORG2))
    beta = run.state.beta
    beta.add_guardrail_violation(org_id=ORG1, created_at=FEB_1)
    beta.add_guardrail_violation(org_id=ORG2, created_at=FEB_1, session_id=SID)
    await run(e.guardrail_violations.list())
    await run(e.guardrail_violations.list(org_id=ORG2))


async def repositories(run: Scenario) -> None:
    repos = run.client.repositories
    await run(repos.list(load_indexing_status=True))
    await run(repos.index(REPO, branch_names=["main", "release/1.x"]))
    await run(repos.indexing_status(REPO))
    await run(repos.remove_branch(REPO, "release/1.x"))
    await run(repos.list_indexed())
    await run(repos.unindex(REPO))
    await run(repos.index_many([REPO]))
    await run(repos.unindex_many([REPO]))


async def v1(run: Scenario) -> None:
    v = run.client.v1
    created = await run(v.sessions.create("Fix the flaky test", tags=["v1"]))
    sid = created.session_id
    await run(v.sessions.list())
    await run(v.sessions.get(sid))
    await run(v.sessions.send_message(sid, "Also lint"))
    await run(v.sessions.update_tags(sid, ["v1", "lint"]))
    await run(v.sessions.terminate(sid))
    url = await run(v.attachments.upload(b"log", filename="ci.log"), model=str)
    uuid, name = url.rsplit("/", 2)[-2:]
    await v.attachments.download(uuid, name)
    made = await run(v.secrets.create(type="key-value", key="PYPI_TOKEN", value="pypi-x"))
    await run(v.secrets.list())
    await run(v.secrets.delete(made.id), model=type(None))
    note = await run(v.knowledge.create(name="Lint", body="ruff", trigger_description="lint"))
    await run(v.knowledge.list())
    await run(v.knowledge.update(note.id, name="Lint", body="ruff .", trigger_description="l"))
    await run(v.knowledge.delete(note.id), model=type(None))
    book = await run(v.playbooks.create(title="Ship", body="1. tag"))
    await run(v.playbooks.list())
    await run(v.playbooks.get(book.playbook_id))
    await run(v.playbooks.update(book.playbook_id, title="Ship", body="2. push"))
    await run(v.playbooks.delete(book.playbook_id))
    await run(v.audit_logs.list())
    await run(v.consumption.get(start_date="2024-01-01", end_date="2024-12-31"))


# In this order: the enterprise's admin part clears the seed's git permissions, which
# PR reviews and repositories read.
PARTS = (
    v3_sessions,
    v3_records,
    v3_usage,
    enterprise_sessions_and_usage,
    reviews_and_scans,
    enterprise_access,
    snapshot_setup,
    service_users_and_members,
    repositories,
    enterprise_admin,
)


def routes_of(fake: FakeDevin) -> Routes:
    """The app's routes in resolution order, each with a pattern of the paths it takes."""
    out = []
    for route in create_app(fake.state).router.routes():
        template = route.resource.canonical if route.resource else ""
        info = route.resource.get_info() if route.resource else {}
        # The router's own pattern: a {name:.+} placeholder takes slashes, as it does.
        pattern = info.get("pattern") or re.compile(re.escape(info.get("path", template)))
        out.append((route.method, template, pattern))
    return out


Routes = list[tuple[str, str, re.Pattern[str]]]


def route_of(routes: Routes, method: str, path: str) -> tuple[str, str]:
    """The route that serves ``method path``, as the router picks it (the first match)."""
    for candidate, template, pattern in routes:
        if candidate == method and pattern.fullmatch(path):
            return method, template
    raise AssertionError(f"no route serves {method} {path}")


def called(fake: FakeDevin) -> set[tuple[str, str]]:
    routes = routes_of(fake)
    return {route_of(routes, seen.method, seen.path) for seen in fake.state.seen}


async def test_every_route_answers_what_the_sdk_models_say(fake: FakeDevin) -> None:
    recorder = Recorder()
    async with fake.client(middleware=[recorder]) as client:
        run = Scenario(client, recorder, fake)
        for part in PARTS:
            await part(run)
    async with fake.client(api_key=FAKE_V1_API_KEY, middleware=[recorder]) as client:
        run.client = client
        await v1(run)
    assert run.problems == []
    every = {(method, template) for method, template, _ in routes_of(fake)}
    missed = every - called(fake)
    assert missed == set(), sorted(missed)
    # Every answer with a body was held to its model (some routes more than once).
    assert every - run.checked == NO_JSON, sorted(every - run.checked - NO_JSON)
    assert len(run.checked) == len(every) - len(NO_JSON) > 160
