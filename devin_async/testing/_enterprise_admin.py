"""Fake ``/v3/enterprise/...`` administration routes: organizations, members, settings."""

from __future__ import annotations

import ipaddress
from typing import Any

from aiohttp import web

from ._enterprise_http import (
    body_field,
    enterprise_of,
    found,
    matches_any,
    org_of,
    public,
    query_list,
    respond,
)
from ._state import Record
from ._wire import Route, cursor_page, invalid, json_body, missing, problem, state_of

__all__ = ["ROUTES"]

E = "/v3/enterprise"
ORG = E + "/organizations/{org_id}"
_ID_KEY = {"users": "user_id", "service-users": "service_user_id", "idp-groups": "idp_group_name"}


def audit(request: web.Request, action: str, org_id: str | None, **data: Any) -> None:
    """Record a mutation in the audit trail, as the real API does (epoch milliseconds)."""
    state = state_of(request)
    ent = state.enterprise
    ent.audit_logs.append(
        {
            "audit_log_id": state.new_id("audit_log-"),
            "action": action,
            "created_at": int(state.clock() * 1000),
            "data": data,
            "org_id": org_id,
            "service_user_id": ent.identity["service_user_id"],
            "service_user_name": ent.identity["service_user_name"],
            "user_email": None,
            "user_id": None,
        }
    )


# Organizations and organization groups


async def list_orgs(request: web.Request) -> web.Response:
    return cursor_page(request, list(enterprise_of(request).organizations.values()), public)


async def create_org(request: web.Request) -> web.Response:
    data = await json_body(request)
    name = body_field(data, "name", str)
    state = state_of(request)
    org_id = state.new_id("org-")
    now = int(state.clock())
    org = {
        "org_id": org_id,
        "name": name,
        "created_at": now,
        "updated_at": now,
        "max_cycle_acu_limit": _limit(data, "max_cycle_acu_limit"),
        "max_session_acu_limit": _limit(data, "max_session_acu_limit"),
    }
    state.enterprise.organizations[org_id] = org
    state.enterprise.org_tags[org_id] = []
    audit(request, "create_org", org_id, name=name)
    return respond(org)


def _limit(data: dict[str, Any], name: str) -> int | None:
    value = data.get(name)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise invalid(f"body.{name}: must be a non-negative integer or null")
    return value


async def get_org(request: web.Request) -> web.Response:
    return respond(enterprise_of(request).organizations[org_of(request)])


async def update_org(request: web.Request) -> web.Response:
    org = enterprise_of(request).organizations[org_of(request)]
    data = await json_body(request)
    if "name" in data:
        org["name"] = body_field(data, "name", str)
    for name in ("max_cycle_acu_limit", "max_session_acu_limit"):
        if name in data:  # only what the caller sent changes; null removes a limit
            org[name] = _limit(data, name)
    org["updated_at"] = int(state_of(request).clock())
    audit(request, "update_org", org["org_id"], fields=sorted(data))
    return respond(org)


async def delete_org(request: web.Request) -> web.Response:
    org_id = org_of(request)
    org = enterprise_of(request).organizations.pop(org_id)
    audit(request, "delete_org", org_id)
    return respond(org)


async def get_group_limits(request: web.Request) -> web.Response:
    return respond({"groups": enterprise_of(request).org_groups})


async def put_group_limits(request: web.Request) -> web.Response:
    ent = enterprise_of(request)
    groups = body_field(await json_body(request), "groups", dict)
    for name, group in groups.items():
        org_ids = group.get("org_ids") if isinstance(group, dict) else None
        if not isinstance(org_ids, list) or not set(org_ids) <= ent.organizations.keys():
            raise invalid(f"body.groups.{name}.org_ids: must list organizations of the enterprise")
    ent.org_groups = groups
    audit(request, "set_org_group_limits", None, groups=sorted(groups))
    return respond({"groups": groups})


# Members: users, service users and IdP groups, at enterprise or organization level


def _scope(request: web.Request) -> str | None:
    return org_of(request) if "org_id" in request.match_info else None


def _role(request: web.Request, role_id: str, scope: str | None) -> Record:
    role = enterprise_of(request).roles.get(role_id)
    if role is None:
        raise invalid(f"body.role_id: no role {role_id!r}")
    if role["role_type"] != ("org" if scope else "enterprise"):
        raise invalid(f"role {role_id!r} is a {role['role_type']} role")
    return role


def _assigned(member: Record, scope: str | None) -> bool:
    return any(a["org_id"] == scope for a in member["role_assignments"])


def _kind(request: web.Request) -> str:
    """``users``, ``service-users`` or ``idp-groups``: the path segment after ``members/``."""
    return request.path.split("/members/", 1)[1].split("/", 1)[0]


def _member(request: web.Request) -> tuple[str, Record]:
    kind = _kind(request)
    members = enterprise_of(request).members[kind]
    return kind, found(members, request.match_info["member_id"], kind.rstrip("s").title())


async def list_members(request: web.Request) -> web.Response:
    scope = _scope(request)
    members = enterprise_of(request).members[_kind(request)].values()
    shown = [m for m in members if scope is None or _assigned(m, scope)]
    return cursor_page(request, shown, public)


async def get_member(request: web.Request) -> web.Response:
    scope = _scope(request)
    _, member = _member(request)
    if scope is not None and not _assigned(member, scope):
        raise missing("Member of this organization")
    return respond(member)


async def assign_member(request: web.Request) -> web.Response:
    scope = _scope(request)
    kind = _kind(request)
    members = enterprise_of(request).members[kind]
    member_id = request.match_info["member_id"]
    role = _role(request, body_field(await json_body(request), "role_id", str), scope)
    if member_id not in members:
        if kind != "idp-groups":  # users join by invitation, service users exist already
            raise missing(kind.rstrip("s").title())
        members[member_id] = {"idp_group_name": member_id, "role_assignments": []}
    member = members[member_id]
    _set_role(member, role, scope)
    audit(request, "assign_roles", scope, target=member_id, role_id=role["role_id"])
    return respond(member)


def _set_role(member: Record, role: Record, scope: str | None) -> None:
    others = [a for a in member["role_assignments"] if a["org_id"] != scope]
    member["role_assignments"] = [*others, {"role": role, "org_id": scope}]


async def update_member(request: web.Request) -> web.Response:
    scope = _scope(request)
    _, member = _member(request)
    if not _assigned(member, scope):
        raise missing("Role assignment")
    role = _role(request, body_field(await json_body(request), "role_id", str), scope)
    _set_role(member, role, scope)
    return respond(member)


async def delete_member(request: web.Request) -> web.Response:
    scope = _scope(request)
    kind, member = _member(request)
    if scope is None:
        del enterprise_of(request).members[kind][member[_ID_KEY[kind]]]
        audit(request, "delete_member", None, target=member[_ID_KEY[kind]])
        return respond(member)
    if not _assigned(member, scope):
        raise missing("Member of this organization")
    member["role_assignments"] = [a for a in member["role_assignments"] if a["org_id"] != scope]
    return respond(member)


async def invite_users(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await json_body(request)
    emails = body_field(data, "emails", list)
    role = _role(request, body_field(data, "enterprise_role_id", str), None)
    users = state.enterprise.members["users"]
    invited = []
    for email in emails:
        if "@" not in email:
            raise invalid(f"body.emails: {email!r} is not an email address")
        user_id = f"email|{state.new_id('')}"
        users[user_id] = {
            "user_id": user_id,
            "email": email,
            "name": None,
            "role_assignments": [{"role": role, "org_id": None}],
        }
        invited.append(users[user_id])
    audit(request, "add_enterprise_member", None, emails=emails)
    return respond(invited)


async def list_registered_groups(request: web.Request) -> web.Response:
    return cursor_page(request, list(enterprise_of(request).registered_idp_groups.values()), public)


async def register_groups(request: web.Request) -> web.Response:
    registered = enterprise_of(request).registered_idp_groups
    names = body_field(await json_body(request), "idp_group_names", list)
    for name in names:
        registered.setdefault(name, {"idp_group_name": name})
    return respond([registered[name] for name in names])


async def unregister_group(request: web.Request) -> web.Response:
    registered = enterprise_of(request).registered_idp_groups
    group = found(registered, request.match_info["idp_group_name"], "IdP group")
    del registered[group["idp_group_name"]]
    return respond(group)


async def list_roles(request: web.Request) -> web.Response:
    return cursor_page(request, list(enterprise_of(request).roles.values()), public)


# Git providers


async def list_connections(request: web.Request) -> web.Response:
    return cursor_page(request, list(enterprise_of(request).git_connections.values()), public)


def _permissions_of(request: web.Request, org_id: str) -> list[Record]:
    return [p for p in enterprise_of(request).git_permissions.values() if p["_org_id"] == org_id]


def _permission(record: Record) -> Record:
    """A git permission as answered (``GitPermissionResponse``), seeded ones included."""
    return {"created_at": None, "read_only": False, **public(record)}


async def list_permissions(request: web.Request) -> web.Response:
    return cursor_page(request, _permissions_of(request, org_of(request)), _permission)


async def _new_permissions(request: web.Request, org_id: str) -> list[Record]:
    state = state_of(request)
    specs = body_field(await json_body(request), "permissions", list)
    made = []
    for spec in specs:
        connection = spec.get("git_connection_id") if isinstance(spec, dict) else None
        if connection not in state.enterprise.git_connections:
            raise invalid(f"body.permissions: unknown git_connection_id {connection!r}")
        made.append(
            {
                "git_permission_id": state.new_id("git-permission-"),
                "git_connection_id": connection,
                "repo_path": spec.get("repo_path"),
                "prefix_path": spec.get("prefix_path"),
                "group_prefix": spec.get("group_prefix"),
                "created_at": int(state.clock()),
                "read_only": False,
                "_org_id": org_id,
            }
        )
    return made


async def create_permissions(request: web.Request) -> web.Response:
    org_id = org_of(request)
    made = await _new_permissions(request, org_id)
    enterprise_of(request).git_permissions.update((p["git_permission_id"], p) for p in made)
    return respond([_permission(p) for p in made])


async def replace_permissions(request: web.Request) -> web.Response:
    org_id = org_of(request)
    made = await _new_permissions(request, org_id)
    _drop_permissions(request, org_id)
    enterprise_of(request).git_permissions.update((p["git_permission_id"], p) for p in made)
    return respond([_permission(p) for p in made])


def _drop_permissions(request: web.Request, org_id: str) -> list[Record]:
    dropped = _permissions_of(request, org_id)
    for permission in dropped:
        del enterprise_of(request).git_permissions[permission["git_permission_id"]]
    return dropped


async def clear_permissions(request: web.Request) -> web.Response:
    return respond([_permission(p) for p in _drop_permissions(request, org_of(request))])


def _one_permission(request: web.Request) -> Record:
    org_id = org_of(request)
    permissions = enterprise_of(request).git_permissions
    permission = found(permissions, request.match_info["git_permission_id"], "Git permission")
    if permission["_org_id"] != org_id:
        raise missing("Git permission")
    return permission


async def update_permission(request: web.Request) -> web.Response:
    permission = _one_permission(request)
    read_only = (await json_body(request)).get("read_only")
    if read_only is not None:
        permission["read_only"] = body_field({"read_only": read_only}, "read_only", bool)
    return respond(_permission(permission))


async def delete_permission(request: web.Request) -> web.Response:
    permission = _one_permission(request)
    del enterprise_of(request).git_permissions[permission["git_permission_id"]]
    return respond(_permission(permission))


# Knowledge notes and playbooks (enterprise-owned)


def _text_fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: body_field(data, name, str) for name in names}


async def list_notes(request: web.Request) -> web.Response:
    return cursor_page(request, list(enterprise_of(request).notes.values()), public)


async def create_note(request: web.Request) -> web.Response:
    state = state_of(request)
    fields = _text_fields(await json_body(request), ("name", "body", "trigger"))
    now = int(state.clock())
    note = {
        "note_id": state.new_id("note-"),
        **fields,
        "access_type": "enterprise",
        "is_enabled": True,
        "folder_id": None,
        "org_id": None,
        "created_at": now,
        "updated_at": now,
    }
    state.enterprise.notes[note["note_id"]] = note
    return respond(note)


async def update_note(request: web.Request) -> web.Response:
    note = found(enterprise_of(request).notes, request.match_info["note_id"], "Note")
    note.update(_text_fields(await json_body(request), ("name", "body", "trigger")))
    note["updated_at"] = int(state_of(request).clock())
    return respond(note)


async def delete_note(request: web.Request) -> web.Response:
    notes = enterprise_of(request).notes
    return respond(notes.pop(found(notes, request.match_info["note_id"], "Note")["note_id"]))


async def list_playbooks(request: web.Request) -> web.Response:
    return cursor_page(request, list(enterprise_of(request).playbooks.values()), public)


def _playbook_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields = _text_fields(data, ("title", "body"))
    macro = data.get("macro")
    if macro is not None and (not isinstance(macro, str) or not macro.startswith("!")):
        raise invalid("body.macro: must start with '!'")
    return {**fields, "macro": macro}


async def create_playbook(request: web.Request) -> web.Response:
    state = state_of(request)
    fields = _playbook_fields(await json_body(request))
    now = int(state.clock())
    author = state.enterprise.identity["service_user_id"]
    playbook = {
        "playbook_id": state.new_id("playbook-"),
        **fields,
        "access_type": "enterprise",
        "org_id": None,
        "created_at": now,
        "updated_at": now,
        "created_by": author,
        "updated_by": author,
    }
    state.enterprise.playbooks[playbook["playbook_id"]] = playbook
    return respond(playbook)


def _playbook(request: web.Request) -> Record:
    return found(enterprise_of(request).playbooks, request.match_info["playbook_id"], "Playbook")


async def get_playbook(request: web.Request) -> web.Response:
    return respond(_playbook(request))


async def update_playbook(request: web.Request) -> web.Response:
    playbook = _playbook(request)
    playbook.update(_playbook_fields(await json_body(request)))
    playbook["updated_at"] = int(state_of(request).clock())
    return respond(playbook)


async def delete_playbook(request: web.Request) -> web.Response:
    playbook = _playbook(request)
    del enterprise_of(request).playbooks[playbook["playbook_id"]]
    return respond(playbook)


# Settings and status


async def list_hypervisors(request: web.Request) -> web.Response:
    status = request.query.get("status", "all")
    shown = [h for h in enterprise_of(request).hypervisors if status in ("all", h["status"])]
    return cursor_page(request, shown, public)


async def get_ip_list(request: web.Request) -> web.Response:
    return respond({"ip_ranges": enterprise_of(request).ip_ranges})


async def _cidrs(request: web.Request) -> list[str]:
    ranges = body_field(await json_body(request), "ip_ranges", list)
    for cidr in ranges:
        try:
            ipaddress.ip_network(cidr)
        except ValueError:
            raise invalid(f"body.ip_ranges: {cidr!r} is not a CIDR range") from None
    return list(ranges)


async def put_ip_list(request: web.Request) -> web.Response:
    ranges = enterprise_of(request).ip_ranges = await _cidrs(request)
    return respond({"ip_ranges": ranges})


async def add_ip_ranges(request: web.Request) -> web.Response:
    """Append, never remove (docs); a range already listed is not listed twice."""
    ranges = enterprise_of(request).ip_ranges
    ranges.extend(cidr for cidr in dict.fromkeys(await _cidrs(request)) if cidr not in ranges)
    return respond({"ip_ranges": ranges})


async def clear_ip_list(request: web.Request) -> web.Response:
    enterprise_of(request).ip_ranges = []
    return respond({"ip_ranges": []})


async def get_tags(request: web.Request) -> web.Response:
    return respond({"tags": enterprise_of(request).org_tags.setdefault(org_of(request), [])})


async def write_tags(request: web.Request) -> web.Response:
    org_id = org_of(request)
    tags = enterprise_of(request).org_tags.setdefault(org_id, [])
    sent = body_field(await json_body(request), "tags", list)
    if request.method == "PUT":
        tags.clear()
    tags.extend(t for t in dict.fromkeys(sent) if t not in tags)
    return respond({"tags": tags})


async def clear_tags(request: web.Request) -> web.Response:
    enterprise_of(request).org_tags[org_of(request)] = []
    return respond({"tags": []})


async def remove_tag(request: web.Request) -> web.Response:
    tags = enterprise_of(request).org_tags.setdefault(org_of(request), [])
    if request.match_info["tag"] not in tags:
        raise missing("Tag")
    tags.remove(request.match_info["tag"])
    return respond({"tags": tags})


async def default_tag(request: web.Request) -> web.Response:
    org_id = org_of(request)
    defaults = enterprise_of(request).default_tags
    if request.method == "PUT":
        defaults[org_id] = body_field(await json_body(request), "tag", str)
    elif request.method == "DELETE":
        defaults[org_id] = None
    return respond({"default_tag": defaults.get(org_id)})


async def queue_status(request: web.Request) -> web.Response:
    waiting = sum(s["status"] in ("new", "claimed") for s in state_of(request).sessions.values())
    level = "normal" if waiting < 10 else "elevated" if waiting < 50 else "high"
    return respond({"queue_size": waiting, "status": level})


async def get_self(request: web.Request) -> web.Response:
    return respond(enterprise_of(request).identity)


# Code scans


async def list_findings(request: web.Request) -> web.Response:
    wanted = {name: query_list(request, name) for name in ("org_ids", "severity", "status")}
    scan_id, repo = request.query.get("scan_id"), request.query.get("repo_name")
    shown = [
        f
        for f in enterprise_of(request).findings.values()
        if matches_any(f["_org_id"], wanted["org_ids"])
        and matches_any(f["severity"], wanted["severity"])
        and matches_any(f["status"], wanted["status"])
        and scan_id in (None, f["scan_id"])
        and repo in (None, f["repo_name"])
    ]
    shown.sort(key=lambda f: f["created_at"], reverse=True)
    return cursor_page(request, shown, public)


async def remediate(request: web.Request) -> web.Response:
    org_id = org_of(request)
    finding = enterprise_of(request).findings.get(request.match_info["finding_id"])
    if finding is None or (finding["_org_id"], finding["scan_id"]) != (
        org_id,
        request.match_info["scan_id"],
    ):
        raise missing("Finding")
    if finding["session_id"] is not None:
        return problem(409, "Conflict", "a remediation session already exists")
    title = f"Fix: {finding['title']}"
    session = state_of(request).create_session(
        f"{title}\n\n{finding['recommendation']}", org_id=org_id, title=title, origin="api"
    )
    finding["session_id"] = session["session_id"]
    return respond({"finding_id": finding["finding_id"], "session_id": session["session_id"]})


def _member_routes() -> list[Route]:
    routes = []
    for base in (E, ORG):
        for kind in _ID_KEY:
            members = f"{base}/members/{kind}"
            member = members + "/{member_id}"
            routes += [
                ("GET", members, list_members),
                ("GET", member, get_member),
                ("POST", member, assign_member),
                ("PATCH", member, update_member),
                ("DELETE", member, delete_member),
            ]
    # Users join the enterprise by invitation; organizations show one member only for
    # groups. One user, with its IdP roles, is served by _enterprise_idp.
    absent = {
        ("POST", E + "/members/users/{member_id}"),
        ("GET", E + "/members/users/{member_id}"),
        ("GET", ORG + "/members/users/{member_id}"),
        ("GET", ORG + "/members/service-users/{member_id}"),
    }
    return [r for r in routes if r[:2] not in absent]


ROUTES: tuple[Route, ...] = (
    ("GET", E + "/organizations", list_orgs),
    ("POST", E + "/organizations", create_org),
    ("GET", ORG, get_org),
    ("PATCH", ORG, update_org),
    ("DELETE", ORG, delete_org),
    ("GET", E + "/org-group-limits", get_group_limits),
    ("PUT", E + "/org-group-limits", put_group_limits),
    ("POST", E + "/members/users", invite_users),
    ("GET", E + "/idp-groups", list_registered_groups),
    ("POST", E + "/idp-groups", register_groups),
    ("DELETE", E + "/idp-groups/{idp_group_name}", unregister_group),
    ("GET", E + "/roles", list_roles),
    ("GET", E + "/git-providers/connections", list_connections),
    ("GET", ORG + "/git-providers/permissions", list_permissions),
    ("POST", ORG + "/git-providers/permissions", create_permissions),
    ("PUT", ORG + "/git-providers/permissions", replace_permissions),
    ("DELETE", ORG + "/git-providers/permissions", clear_permissions),
    ("PATCH", ORG + "/git-providers/permissions/{git_permission_id}", update_permission),
    ("DELETE", ORG + "/git-providers/permissions/{git_permission_id}", delete_permission),
    ("GET", E + "/knowledge/notes", list_notes),
    ("POST", E + "/knowledge/notes", create_note),
    ("PUT", E + "/knowledge/notes/{note_id}", update_note),
    ("DELETE", E + "/knowledge/notes/{note_id}", delete_note),
    ("GET", E + "/playbooks", list_playbooks),
    ("POST", E + "/playbooks", create_playbook),
    ("GET", E + "/playbooks/{playbook_id}", get_playbook),
    ("PUT", E + "/playbooks/{playbook_id}", update_playbook),
    ("DELETE", E + "/playbooks/{playbook_id}", delete_playbook),
    ("GET", E + "/hypervisors", list_hypervisors),
    ("GET", E + "/ip-access-list", get_ip_list),
    ("PUT", E + "/ip-access-list", put_ip_list),
    ("POST", E + "/ip-access-list", add_ip_ranges),
    ("DELETE", E + "/ip-access-list", clear_ip_list),
    ("GET", ORG + "/tags", get_tags),
    ("POST", ORG + "/tags", write_tags),
    ("PUT", ORG + "/tags", write_tags),
    ("DELETE", ORG + "/tags", clear_tags),
    ("GET", ORG + "/tags/default", default_tag),
    ("PUT", ORG + "/tags/default", default_tag),
    ("DELETE", ORG + "/tags/default", default_tag),
    ("DELETE", ORG + "/tags/{tag}", remove_tag),
    ("GET", E + "/queue", queue_status),
    ("GET", E + "/self", get_self),
    ("GET", E + "/code-scans/findings", list_findings),
    ("POST", ORG + "/code-scans/{scan_id}/findings/{finding_id}/remediate", remediate),
    *_member_routes(),
)
