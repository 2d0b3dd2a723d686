"""Fake snapshot setup (beta): ``/v3beta1/organizations/{org_id}/snapshot-setup/...`` and
``/v3beta1/enterprise/snapshot-setup/blueprints...``.

A build goes ``pending`` -> ``running`` -> ``BetaState.build_outcome`` on the fake's
clock, ``build_step`` seconds a step. Logs and blueprint YAML are served as presigned
links on the fake's storage host (``/_presigned/...``), which refuses an API key.
"""

from __future__ import annotations

import re
import secrets as _random
from typing import Any

from aiohttp import web

from ._attachments import PRESIGNED
from ._enterprise_http import public
from ._state import Record
from ._wire import Route, cursor_page, invalid, json_body, missing, problem, raisable, state_of

__all__ = ["ROUTES"]

_ORG = "/v3beta1/organizations/{org_id}/snapshot-setup"
_ENTERPRISE = "/v3beta1/enterprise/snapshot-setup"
_LINK_TTL = 600  # docs: presigned links last about ten minutes
_PIN_WINDOW = 7 * 86_400  # docs: only builds that succeeded in the last 7 days pin
_UNFINISHED = ("pending", "running")


def _conflict(detail: str) -> web.HTTPException:
    return raisable(problem(409, "Conflict", detail))


def _bad_request(detail: str) -> web.HTTPException:
    return raisable(problem(400, "Bad Request", detail))


def presigned_link(request: web.Request, content: bytes, content_type: str) -> Record:
    """A ``PresignedDownload`` for ``content``, served by the fake storage host."""
    state = state_of(request)
    token = _random.token_urlsafe(16)
    url = f"{request.scheme}://{request.host}" + PRESIGNED.format(token=token)
    # Kept with the attachments: the storage host serves whatever they hold by token.
    state.of_kind("attachments")[f"presigned-{token}"] = {
        "token": token,
        "url": url,
        "name": "",
        "org_id": None,
        "content": content,
        "content_type": content_type,
    }
    return {"url": url, "expires_at": int(state.clock()) + _LINK_TTL}


# -- builds: the status is a function of the time since creation --------------------------


def _build_status(rec: Record, now: float, step: float) -> tuple[str, float | None, float | None]:
    """A build's status at ``now``, with when it started and ended (``None`` if not yet)."""
    start, end = rec["created_at"] + step, rec["created_at"] + 2 * step
    cancelled = rec.get("_cancelled_at")
    if cancelled is not None and cancelled < end:
        return "cancelled", (start if cancelled >= start else None), cancelled
    if now < start:
        return "pending", None, None
    if now < end:
        return "running", start, None
    return rec["_outcome"], start, end


def _render_build(request: web.Request, rec: Record) -> Record:
    beta = state_of(request).beta
    status, started, completed = _build_status(rec, state_of(request).clock(), beta.build_step)
    changed = completed or started or rec["created_at"]
    return {
        **public(rec),
        "status": status,
        "created_at": int(rec["created_at"]),
        "updated_at": int(max(changed, rec.get("_touched_at", 0))),
        "started_at": None if started is None else int(started),
        "completed_at": None if completed is None else int(completed),
    }


def _org_builds(request: web.Request) -> list[Record]:
    org = request.match_info["org_id"]
    return [b for b in state_of(request).beta.builds.values() if b["_org_id"] == org]


def _build(request: web.Request) -> Record:
    rec = state_of(request).beta.builds.get(request.match_info["build_id"])
    if rec is None or rec["_org_id"] != request.match_info["org_id"]:
        raise missing("Build")
    return rec


def _status_of(request: web.Request, rec: Record) -> str:
    return str(_render_build(request, rec)["status"])


def _active(request: web.Request, builds: list[Record]) -> Record | None:
    """The build new sessions use: the pinned one, else the newest that succeeded."""
    pinned = [b for b in builds if b["pinned"]]
    if pinned:
        return pinned[0]
    done = [b for b in builds if _status_of(request, b) == "succeeded"]
    return max(done, key=lambda b: b["created_at"]) if done else None


async def create_build(request: web.Request) -> web.Response:
    await json_body(request)  # the API wants a JSON object, empty for now
    state = state_of(request)
    rec: Record = {
        "build_id": state.new_id("build-"),
        "_org_id": request.match_info["org_id"],
        "created_at": state.clock(),
        "pinned": False,
        "trigger": "manual",
        "triggered_by_user_id": state.principal.get("user_id"),
        "_outcome": state.beta.build_outcome,
    }
    state.beta.builds[rec["build_id"]] = rec
    return web.json_response(_render_build(request, rec), status=201)


async def list_builds(request: web.Request) -> web.Response:
    builds = sorted(_org_builds(request), key=lambda b: b["created_at"], reverse=True)
    wanted = request.query.get("status")
    if wanted is not None:
        builds = [b for b in builds if _status_of(request, b) == wanted]
    active = request.query.get("active")
    if active is not None:
        if active not in ("true", "false"):
            raise invalid(f"active must be true or false, got {active!r}")
        current = _active(request, _org_builds(request))
        builds = [b for b in builds if (b is current) == (active == "true")]
    return cursor_page(request, builds, lambda b: _render_build(request, b))


async def get_build(request: web.Request) -> web.Response:
    return web.json_response(_render_build(request, _build(request)))


async def cancel_build(request: web.Request) -> web.Response:
    rec = _build(request)
    if _status_of(request, rec) in _UNFINISHED:  # a finished build stays as it ended
        rec["_cancelled_at"] = state_of(request).clock()
    return web.json_response(_render_build(request, rec))


async def pin_build(request: web.Request) -> web.Response:
    await json_body(request)
    rec = _build(request)
    shown = _render_build(request, rec)
    now = state_of(request).clock()
    if shown["status"] != "succeeded" or now - shown["completed_at"] > _PIN_WINDOW:
        raise _conflict("only a build that succeeded within the last 7 days can be pinned")
    for other in _org_builds(request):
        other["pinned"] = other is rec
    rec["_touched_at"] = now
    return web.json_response(_render_build(request, rec))


async def unpin_build(request: web.Request) -> web.Response:
    rec = _build(request)
    if rec["pinned"]:
        rec["pinned"] = False
        rec["_touched_at"] = state_of(request).clock()
    return web.Response(status=204)


async def build_logs(request: web.Request) -> web.Response:
    rec = _build(request)
    shown = _render_build(request, rec)
    lines = [f"{shown['created_at']} build {rec['build_id']} queued"]
    if shown["started_at"] is not None:
        lines.append(f"{shown['started_at']} running the blueprints")
    if shown["completed_at"] is not None:
        lines.append(f"{shown['completed_at']} {shown['status']}")
    text = ("\n".join(lines) + "\n").encode()
    return web.json_response(presigned_link(request, text, "text/plain"))


# -- blueprints: the org tier, one per repository, and the enterprise's one ---------------


def _scope(request: web.Request) -> str | None:
    """The blueprint's owner: an organization, or ``None`` for the enterprise."""
    return request.match_info.get("org_id")


def _render_blueprint(rec: Record) -> Record:
    out = public(rec)
    out["created_at"], out["updated_at"] = int(rec["created_at"]), int(rec["updated_at"])
    return out


def _owned(request: web.Request) -> list[Record]:
    scope = _scope(request)
    found = [b for b in state_of(request).beta.blueprints.values() if b["_org_id"] == scope]
    # Execution order: the org tier first, then the repositories' by position.
    return sorted(found, key=lambda b: (b["type"] == "repo", b["_position"], b["created_at"]))


def _blueprint(request: web.Request) -> Record:
    rec = state_of(request).beta.blueprints.get(request.match_info["blueprint_id"])
    if rec is None or rec["_org_id"] != _scope(request):
        raise missing("Blueprint")
    return rec


def _contents(data: dict[str, Any], *, required: bool) -> str | None:
    value = data.get("contents")
    if (value is None and required) or (value is not None and not isinstance(value, str)):
        raise invalid("body.contents: a YAML string is required")
    return value


async def list_blueprints(request: web.Request) -> web.Response:
    shown = _owned(request)
    repo = request.query.get("repo_name")
    if repo is not None:
        shown = [b for b in shown if b["repo_name"] == repo]
    return web.json_response({"data": [_render_blueprint(b) for b in shown]})


async def create_blueprint(request: web.Request) -> web.Response:
    state = state_of(request)
    data = await json_body(request)
    scope = _scope(request)
    repo = data.get("repo_name") if scope is not None else None
    if repo is not None and not isinstance(repo, str):
        raise invalid("body.repo_name: must be a string")
    kind = "enterprise" if scope is None else ("repo" if repo else "org")
    if any(b["type"] == kind and b["repo_name"] == repo for b in _owned(request)):
        raise _conflict(f"a {kind} blueprint already exists" + (f" for {repo}" if repo else ""))
    now = state.clock()
    rec: Record = {
        "blueprint_id": state.new_id("blueprint-"),
        "type": kind,
        "repo_name": repo,
        "created_at": now,
        "updated_at": now,
        "_org_id": scope,
        "_contents": _contents(data, required=False) or "",
        "_position": sum(b["type"] == "repo" for b in _owned(request)),
    }
    state.beta.blueprints[rec["blueprint_id"]] = rec
    return web.json_response(_render_blueprint(rec), status=201)


async def get_blueprint(request: web.Request) -> web.Response:
    return web.json_response(_render_blueprint(_blueprint(request)))


async def update_blueprint(request: web.Request) -> web.Response:
    """PATCH (organizations: ``contents`` and/or ``position``) or PUT (enterprise: ``contents``)."""
    rec = _blueprint(request)
    data = await json_body(request)
    if request.method == "PUT":
        rec["_contents"] = _contents(data, required=True)
    else:
        if data.get("contents") is None and data.get("position") is None:
            raise _bad_request("give contents or position")
        if data.get("contents") is not None:
            rec["_contents"] = _contents(data, required=True)
        position = data.get("position")
        if position is not None:
            if rec["type"] != "repo":
                raise _bad_request("only a repository's blueprint has a position")
            if not isinstance(position, int) or isinstance(position, bool) or position < 0:
                raise invalid("body.position: must be an integer >= 0")
            rec["_position"] = position
    rec["updated_at"] = state_of(request).clock()
    return web.json_response(_render_blueprint(rec))


async def delete_blueprint(request: web.Request) -> web.Response:
    rec = _blueprint(request)
    beta = state_of(request).beta
    del beta.blueprints[rec["blueprint_id"]]
    for file_id in [
        f for f, r in beta.blueprint_files.items() if r["blueprint_id"] == rec["blueprint_id"]
    ]:
        del beta.blueprint_files[file_id]
    return web.Response(status=204)


async def blueprint_contents(request: web.Request) -> web.Response:
    rec = _blueprint(request)
    return web.json_response(presigned_link(request, rec["_contents"].encode(), "application/yaml"))


# -- blueprint files -----------------------------------------------------------------------


def _env_var(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper() or "FILE"


def _files_of(request: web.Request, blueprint: Record) -> list[Record]:
    files = state_of(request).beta.blueprint_files.values()
    return [f for f in files if f["blueprint_id"] == blueprint["blueprint_id"]]


def _render_file(rec: Record) -> Record:
    out = public(rec)
    out["created_at"], out["updated_at"] = int(rec["created_at"]), int(rec["updated_at"])
    return out


async def list_files(request: web.Request) -> web.Response:
    files = _files_of(request, _blueprint(request))
    return web.json_response({"data": [_render_file(f) for f in files]})


async def upload_file(request: web.Request) -> web.Response:
    blueprint = _blueprint(request)
    name = request.query.get("name")
    if not name:
        raise invalid("query parameter 'name' is required")
    form = await request.post()
    file = form.get("file")
    if not isinstance(file, web.FileField):
        raise invalid("a multipart 'file' field is required")
    env_var = _env_var(name)
    if any(f["env_var_name"] == env_var for f in _files_of(request, blueprint)):
        raise _conflict(f"a file whose variable is {env_var} already exists")
    state = state_of(request)
    content = file.file.read()
    now = state.clock()
    rec: Record = {
        "file_id": state.new_id("file-"),
        "blueprint_id": blueprint["blueprint_id"],
        "name": name,
        "env_var_name": env_var,
        "size_bytes": len(content),
        "created_at": now,
        "updated_at": now,
        "_content": content,
    }
    state.beta.blueprint_files[rec["file_id"]] = rec
    return web.json_response(_render_file(rec))


async def delete_file(request: web.Request) -> web.Response:
    blueprint = _blueprint(request)
    files = state_of(request).beta.blueprint_files
    rec = files.get(request.match_info["file_id"])
    if rec is None or rec["blueprint_id"] != blueprint["blueprint_id"]:
        raise missing("Blueprint file")
    del files[rec["file_id"]]
    return web.Response(status=204)


def _blueprint_routes(base: str, update: str) -> list[Route]:
    item = base + "/blueprints/{blueprint_id}"
    return [
        ("GET", base + "/blueprints", list_blueprints),
        ("POST", base + "/blueprints", create_blueprint),
        ("GET", item, get_blueprint),
        (update, item, update_blueprint),
        ("DELETE", item, delete_blueprint),
        ("GET", item + "/contents", blueprint_contents),
        ("GET", item + "/files", list_files),
        ("POST", item + "/files", upload_file),
        ("DELETE", item + "/files/{file_id}", delete_file),
    ]


_BUILD = _ORG + "/builds/{build_id}"

ROUTES: tuple[Route, ...] = (
    ("POST", _ORG + "/builds", create_build),
    ("GET", _ORG + "/builds", list_builds),
    ("GET", _BUILD, get_build),
    ("POST", _BUILD + "/cancel", cancel_build),
    ("POST", _BUILD + "/pin", pin_build),
    ("DELETE", _BUILD + "/pin", unpin_build),
    ("GET", _BUILD + "/logs", build_logs),
    *_blueprint_routes(_ORG, "PATCH"),
    *_blueprint_routes(_ENTERPRISE, "PUT"),
)
