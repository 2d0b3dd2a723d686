"""Fake ``/v1/...`` routes (and the legacy spec's ``/enterprise/consumption``).

Errors are v1 style, ``{"detail": str}``; 422 bodies list FastAPI-like validation errors.
Each documented variant of an answer is chosen by a knob on ``FakeState.v1``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from aiohttp import web

from ._attachments import presigned_redirect, save_upload, stored_attachment
from ._render import iso, v1_session
from ._state import FakeState, Record
from ._wire import Route, not_found, state_of

__all__ = ["ROUTES"]

# What the fake accepts where v1 documents an enum.
SECRET_TYPES = frozenset({"cookie", "key-value", "totp"})
MAX_LIST_LIMIT = 1000


def _detail(status: int, message: str) -> web.Response:
    return web.json_response({"detail": message}, status=status)


def _invalid(field: str, message: str, where: str = "body") -> web.Response:
    error = {"loc": [where, field], "msg": message, "type": "value_error"}
    return web.json_response({"detail": [error]}, status=422)


async def _json_object(request: web.Request) -> dict[str, Any] | web.Response:
    try:
        data = await request.json()
    except ValueError:
        return _invalid("__root__", "body is not valid JSON")
    return data if isinstance(data, dict) else _invalid("__root__", "body must be an object")


def _check(data: dict[str, Any], required: Mapping[str, type], optional: Mapping[str, type]) -> str:
    """The first field that is missing, blank or of the wrong type, or ``""``."""
    for name, kind in required.items():
        value = data.get(name)
        # A required string must not be blank (the spec's minLength 1), except a note.
        if not isinstance(value, kind) or (value == "" and name != "note"):
            return name
    for name, kind in optional.items():
        if data.get(name) is not None and not isinstance(data[name], kind):
            return name
    return ""


async def _valid_body(
    request: web.Request, required: Mapping[str, type], optional: Mapping[str, type] | None = None
) -> dict[str, Any] | web.Response:
    data = await _json_object(request)
    if isinstance(data, web.Response):
        return data
    bad = _check(data, required, optional or {})
    return _invalid(bad, "field missing or of the wrong type") if bad else data


def _int_query(request: web.Request, name: str, default: int, low: int, high: int) -> int | None:
    try:
        value = int(request.query.get(name, default))
    except ValueError:
        return None
    return value if low <= value <= high else None


# ---- sessions ---------------------------------------------------------------


def _session_or_404(request: web.Request) -> Record | web.Response:
    rec = state_of(request).sessions.get(request.match_info["session_id"])
    return rec if rec is not None else not_found("Session", "v1")


def _summary(rec: Record) -> dict[str, Any]:
    out = v1_session(rec)
    del out["messages"]
    out["requesting_user_email"] = rec.get("user_email")
    return out


def _newest_first(state: FakeState) -> list[Record]:
    ordered = list(enumerate(state.sessions.values()))
    ordered.sort(key=lambda pair: (pair[1]["created_at"], pair[0]), reverse=True)
    return [rec for _, rec in ordered if rec["org_id"] == state.default_org_id]


async def list_sessions(request: web.Request) -> web.Response:
    limit = _int_query(request, "limit", 100, 1, MAX_LIST_LIMIT)
    offset = _int_query(request, "offset", 0, 0, 2**31)
    if limit is None:
        return _invalid("limit", f"must be 1..{MAX_LIST_LIMIT}", "query")
    if offset is None:
        return _invalid("offset", "must be >= 0", "query")
    wanted = set(request.query.getall("tags", []))
    email = request.query.get("user_email")
    found = [
        rec
        for rec in _newest_first(state_of(request))
        if wanted <= set(rec["tags"]) and (email is None or rec.get("user_email") == email)
    ]
    return web.json_response({"sessions": [_summary(r) for r in found[offset : offset + limit]]})


# Who v1 messages come from: the key's user, through the API.
_AUTHOR = {"username": "user@example.com", "origin": "api"}


async def create_session(request: web.Request) -> web.Response:
    data = await _valid_body(
        request,
        {"prompt": str},
        {
            "title": str,
            "tags": list,
            "idempotent": bool,
            "unlisted": bool,
            "snapshot_id": str,
            "playbook_id": str,
            "max_acu_limit": int,
            "secret_ids": list,
            "knowledge_ids": list,
            "session_secrets": list,
            "structured_output_schema": dict,
        },
    )
    if isinstance(data, web.Response):
        return data
    state = state_of(request)
    idempotent = bool(data.pop("idempotent", False))
    # "Identical" means the same create request, the idempotent flag aside (hashed, so
    # session secrets in the request are not kept in the clear).
    fingerprint = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()
    if idempotent:
        for rec in state.sessions.values():
            if rec.get("v1_create") == fingerprint:
                return web.json_response(_created(rec, is_new=False))
    rec = state.create_session(
        data["prompt"],
        author=_AUTHOR,
        title=data.get("title") or data["prompt"][:60],
        tags=list(data.get("tags") or []),
        playbook_id=data.get("playbook_id"),
        max_acu_limit=data.get("max_acu_limit"),
        structured_output_schema=data.get("structured_output_schema"),
        user_email="user@example.com",
        v1_create=fingerprint,
    )
    state.v1.audit("create_session", state.clock(), session_id=rec["session_id"])
    return web.json_response(_created(rec, is_new=True if idempotent else None))


def _created(rec: Record, *, is_new: bool | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "session_id": rec["session_id"],
        "url": f"https://app.devin.ai/sessions/{rec['session_id'].removeprefix('devin-')}",
    }
    if is_new is not None:
        out["is_new_session"] = is_new
    return out


async def get_session(request: web.Request) -> web.Response:
    rec = _session_or_404(request)
    return rec if isinstance(rec, web.Response) else web.json_response(v1_session(rec))


async def terminate_session(request: web.Request) -> web.Response:
    rec = _session_or_404(request)
    if isinstance(rec, web.Response):
        return rec
    if rec["status"] == "exit":
        return _detail(400, "Devin session already exited")
    state = state_of(request)
    state.stop(rec, "exit")
    state.v1.audit("terminate_session", state.clock(), session_id=rec["session_id"])
    return web.json_response({"detail": "Session terminated successfully"})


async def send_message(request: web.Request) -> web.Response:
    rec = _session_or_404(request)
    if isinstance(rec, web.Response):
        return rec
    data = await _valid_body(request, {"message": str})
    if isinstance(data, web.Response):
        return data
    state = state_of(request)
    suspended = rec["status"] == "suspended"
    state.hear(rec, data["message"], **_AUTHOR)
    state.v1.audit("send_message", state.clock(), session_id=rec["session_id"])
    if suspended:
        return web.json_response({"detail": "Session is suspended; it will see the message"})
    if state.v1.message_reply == "empty":
        return web.Response(status=204)
    return web.json_response(None)


async def update_tags(request: web.Request) -> web.Response:
    rec = _session_or_404(request)
    if isinstance(rec, web.Response):
        return rec
    data = await _valid_body(request, {"tags": list})
    if isinstance(data, web.Response):
        return data
    if not all(isinstance(t, str) for t in data["tags"]):
        return _invalid("tags", "every tag must be a string")
    rec.update(tags=list(data["tags"]), updated_at=state_of(request).clock())
    return web.json_response({"detail": "Tags updated successfully"})


# ---- attachments ------------------------------------------------------------


async def upload_attachment(request: web.Request) -> web.Response:
    state = state_of(request)
    # One attachment store for every family: v1 and v3 uploads share records.
    rec = await save_upload(request, state.default_org_id, "/v1/attachments/{uuid}/{name}")
    if rec is None:
        return _invalid("file", "field required")
    if state.v1.upload_reply == "json":
        return web.json_response(rec["url"])
    return web.Response(text=rec["url"], content_type="text/plain")


async def download_attachment(request: web.Request) -> web.Response:
    rec = stored_attachment(request, state_of(request).default_org_id)
    if rec is None:
        return _detail(404, "Attachment not found")
    raise presigned_redirect(request, rec)


# ---- secrets ----------------------------------------------------------------


def _secret(rec: Record, legacy: bool) -> dict[str, Any]:
    if legacy:
        return {
            "secret_id": rec["id"],
            "secret_type": rec["type"],
            "secret_name": rec["key"],
            "created_at": iso(rec["created_at"]),
        }
    return {
        "id": rec["id"],
        "type": rec["type"],
        "key": rec["key"],
        "created_at": iso(rec["created_at"]),
    }


async def list_secrets(request: web.Request) -> web.Response:
    store = state_of(request).v1
    legacy = store.secrets_shape == "legacy"
    items = [_secret(rec, legacy) for rec in store.secrets.values()]
    return web.json_response({"secrets": items} if legacy else items)


async def create_secret(request: web.Request) -> web.Response:
    data = await _valid_body(
        request, {"type": str, "key": str, "value": str, "sensitive": bool, "note": str}
    )
    if isinstance(data, web.Response):
        return data
    if data["type"] not in SECRET_TYPES:
        return _invalid("type", f"must be one of {sorted(SECRET_TYPES)}")
    state = state_of(request)
    if any(rec["key"] == data["key"] for rec in state.v1.secrets.values()):
        return _detail(409, "Secret name is not unique")
    secret_id = state.new_id("secret-")
    state.v1.secrets[secret_id] = {
        "id": secret_id,
        **{k: data[k] for k in ("type", "key", "value", "sensitive", "note")},
        "created_at": state.clock(),
    }
    state.v1.audit("create_secret", state.clock(), secret_id=secret_id)
    return web.json_response({"id": secret_id})


async def delete_secret(request: web.Request) -> web.Response:
    state = state_of(request)
    if state.v1.secrets.pop(request.match_info["secret_id"], None) is None:
        return not_found("Secret", "v1")
    state.v1.audit("delete_secret", state.clock(), secret_id=request.match_info["secret_id"])
    if state.v1.secret_delete_reply == "empty":
        return web.Response(status=204)
    return web.json_response({"message": "Secret deleted successfully"})


# ---- knowledge --------------------------------------------------------------

_NOTE_REQUIRED = {"name": str, "body": str, "trigger_description": str}
_NOTE_OPTIONAL = {"macro": str, "parent_folder_id": str, "pinned_repo": str}


def _with_iso(rec: Record) -> dict[str, Any]:
    return {k: (iso(v) if k in ("created_at", "updated_at") else v) for k, v in rec.items()}


async def list_knowledge(request: web.Request) -> web.Response:
    store = state_of(request).v1
    return web.json_response(
        {
            "knowledge": [_with_iso(n) for n in store.knowledge.values()],
            "folders": [_with_iso(f) for f in store.folders.values()],
        }
    )


def _note_fields(data: dict[str, Any]) -> Record:
    return {name: data.get(name) for name in (*_NOTE_REQUIRED, *_NOTE_OPTIONAL)}


async def create_knowledge(request: web.Request) -> web.Response:
    data = await _valid_body(request, _NOTE_REQUIRED, _NOTE_OPTIONAL)
    if isinstance(data, web.Response):
        return data
    state = state_of(request)
    note_id = state.new_id("note-")
    note = {"id": note_id, **_note_fields(data), "created_at": state.clock(), "created_by": None}
    state.v1.knowledge[note_id] = note
    state.v1.audit("create_knowledge", state.clock(), note_id=note_id)
    return web.json_response(_with_iso(note))


async def update_knowledge(request: web.Request) -> web.Response:
    state = state_of(request)
    note = state.v1.knowledge.get(request.match_info["note_id"])
    if note is None:
        return not_found("Knowledge", "v1")
    data = await _valid_body(request, _NOTE_REQUIRED, _NOTE_OPTIONAL)
    if isinstance(data, web.Response):
        return data
    note.update(_note_fields(data))  # a full replace: fields left out become null
    state.v1.audit("edit_knowledge", state.clock(), note_id=note["id"])
    return web.json_response(_with_iso(note))


async def delete_knowledge(request: web.Request) -> web.Response:
    state = state_of(request)
    if state.v1.knowledge.pop(request.match_info["note_id"], None) is None:
        return not_found("Knowledge", "v1")
    state.v1.audit("delete_knowledge", state.clock(), note_id=request.match_info["note_id"])
    return web.Response(status=204)


# ---- playbooks --------------------------------------------------------------

_PLAYBOOK_REQUIRED = {"title": str, "body": str}
_PLAYBOOK_OPTIONAL = {"macro": str}


def _live_playbook(request: web.Request) -> Record | None:
    book = state_of(request).v1.playbooks.get(request.match_info["playbook_id"])
    return book if book is not None and book["status"] != "deleted" else None


async def list_playbooks(request: web.Request) -> web.Response:
    books = state_of(request).v1.playbooks.values()
    return web.json_response([_with_iso(b) for b in books if b["status"] != "deleted"])


async def get_playbook(request: web.Request) -> web.Response:
    book = _live_playbook(request)
    return web.json_response(_with_iso(book)) if book else not_found("Playbook", "v1")


async def create_playbook(request: web.Request) -> web.Response:
    data = await _valid_body(request, _PLAYBOOK_REQUIRED, _PLAYBOOK_OPTIONAL)
    if isinstance(data, web.Response):
        return data
    state = state_of(request)
    now = state.clock()
    book_id = state.new_id("playbook-")
    state.v1.playbooks[book_id] = book = {
        "playbook_id": book_id,
        "title": data["title"],
        "body": data["body"],
        "macro": data.get("macro"),
        "status": "published",
        "access_type": "team",
        "org_id": state.default_org_id,
        "created_at": now,
        "updated_at": now,
        "created_by_user_id": "user-1",
        "created_by_user_name": "Ada Lovelace",
        "updated_by_user_id": "user-1",
        "updated_by_user_name": "Ada Lovelace",
    }
    state.v1.audit("create_playbook", now, playbook_id=book_id)
    return web.json_response(_with_iso(book))


async def update_playbook(request: web.Request) -> web.Response:
    book = _live_playbook(request)
    if book is None:
        return not_found("Playbook", "v1")
    data = await _valid_body(request, _PLAYBOOK_REQUIRED, _PLAYBOOK_OPTIONAL)
    if isinstance(data, web.Response):
        return data
    state = state_of(request)
    book.update(
        title=data["title"], body=data["body"], macro=data.get("macro"), updated_at=state.clock()
    )
    state.v1.audit("update_playbook", state.clock(), playbook_id=book["playbook_id"])
    return web.json_response({"status": "success"})


async def delete_playbook(request: web.Request) -> web.Response:
    book = _live_playbook(request)
    if book is None:
        return not_found("Playbook", "v1")
    state = state_of(request)
    book.update(status="deleted", macro=None, updated_at=state.clock())
    state.v1.audit("delete_playbook", state.clock(), playbook_id=book["playbook_id"])
    return web.json_response({"status": "success"})


# ---- audit logs and consumption ---------------------------------------------


async def list_audit_logs(request: web.Request) -> web.Response:
    limit = _int_query(request, "limit", 100, 1, 2**31)
    if limit is None:
        return _invalid("limit", "must be >= 1", "query")
    bounds: dict[str, int] = {}
    for name in ("before", "after"):
        if name in request.query:
            try:
                bounds[name] = int(request.query[name])  # epoch milliseconds, like created_at
            except ValueError:
                return _invalid(name, "must be epoch milliseconds", "query")
    entries = [
        e
        for e in reversed(state_of(request).v1.audit_logs)
        if e["created_at"] < bounds.get("before", 2**63)
        and e["created_at"] > bounds.get("after", -1)
    ]
    return web.json_response({"audit_logs": entries[:limit]})


def _query_date(request: web.Request, name: str) -> date | None:
    try:
        return date.fromisoformat(request.query.get(name, ""))
    except ValueError:
        return None


async def enterprise_consumption(request: web.Request) -> web.Response:
    start, end = _query_date(request, "start_date"), _query_date(request, "end_date")
    if start is None or end is None:
        return _invalid("start_date" if start is None else "end_date", "YYYY-MM-DD", "query")
    state = state_of(request)
    sessions = [
        {
            "user_name": "Ada Lovelace",
            "user_email": rec.get("user_email") or "user@example.com",
            "session_name": rec["title"],
            "created_at": iso(rec["created_at"]),
            "acu_used": rec["acus_consumed"],
            "url": _created(rec, is_new=None)["url"],
            "org_id": rec["org_id"],
            "org_name": "Example org",
            "pull_requests": [
                {"pr_url": pr["pr_url"], "pr_status": pr.get("pr_state") or "open"}
                for pr in rec["pull_requests"]
            ],
        }
        for rec in state.sessions.values()
        if start <= date.fromisoformat(iso(rec["created_at"])[:10]) <= end
    ]
    return web.json_response(
        {"sessions": sessions, "cycle": {"start": start.isoformat(), "end": end.isoformat()}}
    )


ROUTES: tuple[Route, ...] = (
    ("GET", "/v1/sessions", list_sessions),
    ("POST", "/v1/sessions", create_session),
    ("GET", "/v1/sessions/{session_id}", get_session),
    ("DELETE", "/v1/sessions/{session_id}", terminate_session),
    ("POST", "/v1/sessions/{session_id}/message", send_message),
    ("PUT", "/v1/sessions/{session_id}/tags", update_tags),
    ("POST", "/v1/attachments", upload_attachment),
    ("GET", "/v1/attachments/{uuid}/{name}", download_attachment),
    ("GET", "/v1/secrets", list_secrets),
    ("POST", "/v1/secrets", create_secret),
    ("DELETE", "/v1/secrets/{secret_id}", delete_secret),
    ("GET", "/v1/knowledge", list_knowledge),
    ("POST", "/v1/knowledge", create_knowledge),
    ("PUT", "/v1/knowledge/{note_id}", update_knowledge),
    ("DELETE", "/v1/knowledge/{note_id}", delete_knowledge),
    ("GET", "/v1/playbooks", list_playbooks),
    ("POST", "/v1/playbooks", create_playbook),
    ("GET", "/v1/playbooks/{playbook_id}", get_playbook),
    ("PUT", "/v1/playbooks/{playbook_id}", update_playbook),
    ("DELETE", "/v1/playbooks/{playbook_id}", delete_playbook),
    ("GET", "/v1/audit-logs", list_audit_logs),
    ("GET", "/enterprise/consumption", enterprise_consumption),
)
