"""Fake service-user credentials (beta): provisioning (``POST .../service-users`` at both
levels) and a service user's API keys (``/v3beta1/enterprise/service-users/{id}/api-keys``).

Provisioned service users join ``EnterpriseState.members``, so the v3 member routes see
them; their tokens are kept only to be answered once.
"""

from __future__ import annotations

import secrets as _random
from typing import Any

from aiohttp import web

from ._enterprise_http import body_field, enterprise_of, public
from ._state import Record
from ._wire import Route, cursor_page, invalid, json_body, missing, problem, raisable, state_of

__all__ = ["ROUTES"]

_MAX_TTL = 31_536_000  # docs: a year
_STATUSES = ("active", "revoked", "expired", "all")


def _token() -> str:
    return "cog_" + _random.token_urlsafe(24)


def _name(data: dict[str, Any]) -> str:
    name: str = body_field(data, "name", str)
    if not 1 <= len(name) <= 256:
        raise invalid("body.name: must be 1..256 characters")
    return name


def _new_key(request: web.Request, service_user_id: str, name: str, expires_at: Any) -> Record:
    state = state_of(request)
    now = int(state.clock())
    if expires_at is not None and (
        not isinstance(expires_at, int) or isinstance(expires_at, bool) or expires_at <= now
    ):
        raise invalid("body.expires_at: must be epoch seconds in the future")
    rec: Record = {
        "api_key_id": state.new_id("api-key-"),
        "api_key_name": name,
        "created_at": now,
        "expires_at": expires_at,
        "last_used_at": None,
        "revoked_at": None,
        "_service_user_id": service_user_id,
        "_token": _token(),
    }
    state.beta.api_keys[rec["api_key_id"]] = rec
    return rec


def _key_status(rec: Record, now: float) -> str:
    if rec["revoked_at"] is not None:
        return "revoked"
    if rec["expires_at"] is not None and rec["expires_at"] <= now:
        return "expired"
    return "active"


def _render_key(request: web.Request, rec: Record) -> Record:
    active = _key_status(rec, state_of(request).clock()) == "active"
    return {**public(rec), "is_active": active}


def _with_token(rec: Record) -> Record:
    return {
        "api_key_id": rec["api_key_id"],
        "api_key_name": rec["api_key_name"],
        "token": rec["_token"],
    }


def _service_user(request: web.Request) -> str:
    service_user_id = request.match_info["service_user_id"]
    if service_user_id not in enterprise_of(request).members["service-users"]:
        raise missing("Service user")
    return service_user_id


def _key(request: web.Request) -> Record:
    owner = _service_user(request)
    rec = state_of(request).beta.api_keys.get(request.match_info["api_key_id"])
    if rec is None or rec["_service_user_id"] != owner:
        raise missing("API key")
    return rec


async def list_keys(request: web.Request) -> web.Response:
    owner = _service_user(request)
    status = request.query.get("status", "all")
    if status not in _STATUSES:
        raise invalid(f"status must be one of {', '.join(_STATUSES)}, got {status!r}")
    now = state_of(request).clock()
    keys = [
        k
        for k in state_of(request).beta.api_keys.values()
        if k["_service_user_id"] == owner and status in ("all", _key_status(k, now))
    ]
    return cursor_page(request, keys, lambda k: _render_key(request, k))


async def create_key(request: web.Request) -> web.Response:
    owner = _service_user(request)
    data = await json_body(request)
    rec = _new_key(request, owner, _name(data), data.get("expires_at"))
    return web.json_response(_with_token(rec))


def _revoke(request: web.Request, rec: Record) -> None:
    if rec["revoked_at"] is not None:
        raise raisable(problem(409, "Conflict", "the API key is already revoked"))
    rec["revoked_at"] = int(state_of(request).clock())


async def revoke_key(request: web.Request) -> web.Response:
    rec = _key(request)
    _revoke(request, rec)
    return web.json_response(_render_key(request, rec))


async def rotate_key(request: web.Request) -> web.Response:
    old = _key(request)
    data = await json_body(request)
    revoke_current = data.get("revoke_current", True)
    if not isinstance(revoke_current, bool):
        raise invalid("body.revoke_current: must be true or false")
    if old["revoked_at"] is not None:
        raise raisable(problem(409, "Conflict", "a revoked API key cannot be rotated"))
    new = _new_key(
        request, old["_service_user_id"], old["api_key_name"], data.get("new_key_expires_at")
    )
    if revoke_current:
        _revoke(request, old)
    return web.json_response(_with_token(new))


async def provision(request: web.Request) -> web.Response:
    """A new service user with one role (an org role in an organization, else an
    enterprise role), and its first API key."""
    state = state_of(request)
    ent = state.enterprise
    scope = request.match_info.get("org_id")
    data = await json_body(request)
    name = _name(data)
    ttl = body_field(data, "ttl_seconds", int)
    if not 0 < ttl <= _MAX_TTL:
        raise invalid(f"body.ttl_seconds: must be 1..{_MAX_TTL}")
    role = ent.roles.get(body_field(data, "role_id", str))
    wanted = "org" if scope else "enterprise"
    if role is None or role["role_type"] != wanted:
        raise invalid(f"body.role_id: must name an {wanted} role")
    service_user_id = state.new_id("service-user-")
    expires_at = int(state.clock()) + ttl
    user = {
        "service_user_id": service_user_id,
        "name": name,
        "expires_at": expires_at,
        "role_assignments": [{"role": role, "org_id": scope}],
    }
    ent.members["service-users"][service_user_id] = user
    key = _new_key(request, service_user_id, name, expires_at)
    return web.json_response({"service_user": user, "token": key["_token"]})


_KEYS = "/v3beta1/enterprise/service-users/{service_user_id}/api-keys"

ROUTES: tuple[Route, ...] = (
    ("POST", "/v3beta1/organizations/{org_id}/service-users", provision),
    ("POST", "/v3beta1/enterprise/service-users", provision),
    ("GET", _KEYS, list_keys),
    ("POST", _KEYS, create_key),
    ("DELETE", _KEYS + "/{api_key_id}", revoke_key),
    ("POST", _KEYS + "/{api_key_id}/rotate", rotate_key),
)
