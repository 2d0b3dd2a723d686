"""Fake notes, playbooks, secrets, schedules (one table-driven CRUD) and attachments."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
from aiohttp import web

from ._attachments import (
    PRESIGNED,
    presigned_redirect,
    public_attachment,
    save_upload,
    stored_attachment,
)
from ._render import iso
from ._state import FakeState, Record
from ._wire import (
    Route,
    cursor_page,
    invalid,
    json_body,
    missing,
    offset_page,
    problem,
    raisable,
    state_of,
)

__all__ = [
    "KINDS",
    "ROUTES",
    "Kind",
]

_ORG = "/v3/organizations/{org_id}"
_MACRO = re.compile(r"^![A-Za-z0-9_-]+$")
Check = Callable[[Record, Mapping[str, Record]], None]


@attrs.frozen
class Kind:
    """How one v3 resource is stored, validated and rendered."""

    name: str  # the word for 404s
    key: str  # where FakeState.records keeps them
    path: str  # below /v3/organizations/{org_id}
    id_param: str
    id_field: str
    id_prefix: str
    required: tuple[str, ...]
    optional: Mapping[str, Any]
    set_on_create: Mapping[str, Any] = attrs.field(factory=dict)
    choices: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    renames: Mapping[str, str] = attrs.field(factory=dict)  # request field -> stored field
    hidden: frozenset[str] = frozenset()  # stored, never answered (a secret's value)
    update: str | None = "PUT"  # PUT replaces, PATCH merges, None: no update route
    gettable: bool = True  # secrets have no GET by id
    patchable: tuple[str, ...] = ()  # PATCH-only fields
    iso_times: bool = False  # schedules answer ISO-8601; the rest of v3 epoch seconds
    offset_paging: bool = False
    check: Check | None = None
    matches: Callable[[web.Request, Record], bool] = lambda request, rec: True


def _unique_key(rec: Record, existing: Mapping[str, Record]) -> None:
    if any(
        o["key"] == rec["key"] and o["secret_id"] != rec["secret_id"] for o in existing.values()
    ):
        raise raisable(problem(409, "Conflict", f"a secret named {rec['key']!r} already exists"))


def _valid_macro(rec: Record, existing: Mapping[str, Record]) -> None:
    macro = rec.get("macro")
    if macro is not None and not _MACRO.match(macro):
        raise invalid("macro must be '!' followed by letters, digits, '_' or '-'")


def _note_matches(request: web.Request, rec: Record) -> bool:
    q = request.query
    search = q.get("search", "").lower()
    return (
        ("folder_path" not in q or rec["folder_path"] == q["folder_path"])
        and ("pinned_repo" not in q or rec["pinned_repo"] == q["pinned_repo"])
        and any(search in rec[f].lower() for f in ("name", "body", "trigger"))
    )


_SCHEDULE_FIELDS: dict[str, Any] = {
    "agent": "devin",
    "bypass_approval": False,
    "frequency": None,
    "interval_count": 1,
    "notify_on": "failure",
    "playbook_id": None,
    "schedule_type": "recurring",
    "scheduled_at": None,
    "slack_channel_id": None,
    "slack_team_id": None,
    "tags": None,
    "target_devin_id": None,
    "create_as_user_id": None,
}

KINDS = (
    Kind(
        name="Note",
        key="notes",
        path="/knowledge/notes",
        id_param="note_id",
        id_field="note_id",
        id_prefix="note-",
        required=("name", "body", "trigger"),
        optional={"pinned_repo": None},
        set_on_create={
            "access_type": "org",
            "folder_path": "/",
            "folder_id": None,
            "is_enabled": True,
            "macro": None,
        },
        hidden=frozenset({"created_by", "updated_by"}),  # NoteResponse has no authors
        matches=_note_matches,
    ),
    Kind(
        name="Playbook",
        key="playbooks",
        path="/playbooks",
        id_param="playbook_id",
        id_field="playbook_id",
        id_prefix="playbook-",
        required=("title", "body"),
        optional={"macro": None},
        set_on_create={"access_type": "org"},
        check=_valid_macro,
    ),
    Kind(
        name="Secret",
        key="secrets",
        path="/secrets",
        id_param="secret_id",
        id_field="secret_id",
        id_prefix="secret-",
        required=("key", "type", "value"),
        optional={"is_sensitive": True, "note": None},
        set_on_create={"access_type": "org"},
        choices={"type": frozenset({"cookie", "key-value", "totp"})},
        renames={"type": "secret_type"},
        hidden=frozenset({"value", "org_id"}),  # SecretResponse names no org
        update=None,
        gettable=False,
        check=_unique_key,
    ),
    Kind(
        name="Schedule",
        key="schedules",
        path="/schedules",
        id_param="schedule_id",
        id_field="scheduled_session_id",
        id_prefix="schedule-",
        required=("name", "prompt"),
        optional=_SCHEDULE_FIELDS,
        set_on_create={
            "enabled": True,
            "consecutive_failures": 0,
            "last_executed_at": None,
            "last_error_at": None,
            "last_error_message": None,
        },
        choices={
            "agent": frozenset({"devin", "data_analyst", "advanced"}),
            "notify_on": frozenset({"always", "failure", "never"}),
            "schedule_type": frozenset({"recurring", "one_time"}),
        },
        # Its playbook is answered as {"playbook": {"playbook_id"}}; it names no updater.
        hidden=frozenset({"create_as_user_id", "run_as_user_id", "playbook_id", "updated_by"}),
        update="PATCH",
        patchable=("enabled", "run_as_user_id"),
        iso_times=True,
        offset_paging=True,
    ),
)


def _render(kind: Kind, rec: Record) -> Record:
    out = {k: v for k, v in rec.items() if k not in kind.hidden}
    for field in ("created_at", "updated_at"):
        out[field] = iso(rec[field]) if kind.iso_times else int(rec[field])
    if kind.name == "Schedule":
        out["playbook"] = {"playbook_id": rec["playbook_id"]} if rec["playbook_id"] else None
    return out


def _accepted(kind: Kind, data: Mapping[str, Any], *, partial: bool) -> Record:
    """The fields of a request body this kind takes, validated; 422 for a bad one."""
    if not partial:
        absent = [f for f in kind.required if not isinstance(data.get(f), str) or not data[f]]
        if absent:
            raise invalid(f"missing required field(s): {', '.join(absent)}")
    known = (*kind.required, *kind.optional, *(kind.patchable if partial else ()))
    fields = {f: data[f] for f in known if f in data}
    for field, allowed in kind.choices.items():
        if fields.get(field) is not None and fields[field] not in allowed:
            raise invalid(f"{field} must be one of {sorted(allowed)}, got {fields[field]!r}")
    return {kind.renames.get(f, f): v for f, v in fields.items()}


def _store(request: web.Request, kind: Kind) -> dict[str, Record]:
    return state_of(request).of_kind(kind.key)


def _one(request: web.Request, kind: Kind) -> Record:
    rec = _store(request, kind).get(request.match_info[kind.id_param])
    if rec is None or rec["org_id"] != request.match_info["org_id"]:
        raise missing(kind.name)
    return rec


def _author(state: FakeState) -> str:
    p = state.principal
    return str(p.get("service_user_id") or p.get("user_id") or "unknown")


def _crud(kind: Kind) -> dict[str, Any]:
    """The handlers for one kind: list, create, get, update, delete."""

    async def list_all(request: web.Request) -> web.Response:
        org = request.match_info["org_id"]
        found = [
            r
            for r in _store(request, kind).values()
            if r["org_id"] == org and kind.matches(request, r)
        ]
        page = offset_page if kind.offset_paging else cursor_page
        return page(request, found, lambda r: _render(kind, r))

    async def create(request: web.Request) -> web.Response:
        state = state_of(request)
        fields = _accepted(kind, await json_body(request), partial=False)
        now = state.clock()
        rec: Record = {
            kind.id_field: state.new_id(kind.id_prefix),
            "org_id": request.match_info["org_id"],
            **{kind.renames.get(f, f): v for f, v in kind.optional.items()},
            **kind.set_on_create,
            **fields,
            "created_at": now,
            "updated_at": now,
            "created_by": _author(state),
            "updated_by": _author(state),
        }
        store = _store(request, kind)
        if kind.check:
            kind.check(rec, store)
        store[rec[kind.id_field]] = rec
        return web.json_response(_render(kind, rec))

    async def get(request: web.Request) -> web.Response:
        return web.json_response(_render(kind, _one(request, kind)))

    async def update(request: web.Request) -> web.Response:
        rec = _one(request, kind)
        state = state_of(request)
        fields = _accepted(kind, await json_body(request), partial=kind.update == "PATCH")
        changed = {**rec, **fields, "updated_at": state.clock(), "updated_by": _author(state)}
        if kind.check:
            kind.check(changed, _store(request, kind))
        rec.update(changed)
        return web.json_response(_render(kind, rec))

    async def delete(request: web.Request) -> web.Response:
        rec = _one(request, kind)
        del _store(request, kind)[rec[kind.id_field]]
        return web.json_response(_render(kind, rec))

    return {"list": list_all, "create": create, "get": get, "update": update, "delete": delete}


async def folders(request: web.Request) -> web.Response:
    """The folder tree implied by the notes' ``folder_path``s."""
    org = request.match_info["org_id"]
    notes = [r for r in state_of(request).of_kind("notes").values() if r["org_id"] == org]
    counts: dict[str, int] = {}
    for note in notes:
        path = note["folder_path"].strip("/")
        if path:
            counts[path] = counts.get(path, 0) + 1
    tree = []
    for path in sorted(counts):
        parent, _, name = path.rpartition("/")
        tree.append(
            {
                "folder_id": f"folder-{path}",
                "name": name,
                "path": "/" + path,
                "note_count": counts[path],
                "parent_folder_id": f"folder-{parent}" if parent else None,
            }
        )
    root = sum(1 for n in notes if not n["folder_path"].strip("/"))
    return web.json_response({"folders": tree, "root_note_count": root})


# -- attachments: upload, then download through a 307 to a "presigned" URL ---------------


async def upload(request: web.Request) -> web.Response:
    org = request.match_info["org_id"]
    rec = await save_upload(request, org, f"/v3/organizations/{org}/attachments/{{uuid}}/{{name}}")
    if rec is None:
        raise invalid("a multipart 'file' field is required")
    return web.json_response(public_attachment(rec))


async def download(request: web.Request) -> web.Response:
    rec = stored_attachment(request, request.match_info["org_id"])
    if rec is None:
        raise missing("Attachment")
    raise presigned_redirect(request, rec)


async def presigned(request: web.Request) -> web.Response:
    """The storage host: signed by the token in its URL, and, like S3, it refuses a second
    credential, so a client that forwards its bearer token fails here."""
    if "Authorization" in request.headers:
        return web.Response(status=400, text="Only one auth mechanism allowed")
    token = request.match_info["token"]
    for rec in state_of(request).of_kind("attachments").values():
        if rec["token"] == token and not rec.get("expired"):
            return web.Response(body=rec["content"], content_type=rec["content_type"])
    return web.Response(status=403, text="Request has expired or signature does not match")


def _kind_routes(kind: Kind) -> list[Route]:
    handlers = _crud(kind)
    collection = _ORG + kind.path
    item = f"{collection}/{{{kind.id_param}}}"
    routes = [("GET", collection, handlers["list"]), ("POST", collection, handlers["create"])]
    if kind.gettable:
        routes.append(("GET", item, handlers["get"]))
    if kind.update:
        routes.append((kind.update, item, handlers["update"]))
    routes.append(("DELETE", item, handlers["delete"]))
    return routes


ROUTES: tuple[Route, ...] = (
    *(route for kind in KINDS for route in _kind_routes(kind)),
    ("GET", _ORG + "/knowledge/folders", folders),
    ("POST", _ORG + "/attachments", upload),
    ("GET", _ORG + "/attachments/{uuid}/{name}", download),
    ("GET", PRESIGNED, presigned),
)
