"""Request and answer helpers the fake enterprise routes share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from aiohttp import web

from ._state import EnterpriseState, Record
from ._wire import invalid, missing, state_of

__all__ = [
    "body_field",
    "email_matches",
    "enterprise_of",
    "found",
    "idp_members",
    "in_window",
    "matches_any",
    "org_of",
    "person",
    "public",
    "query_list",
    "respond",
]


def enterprise_of(request: web.Request) -> EnterpriseState:
    return state_of(request).enterprise


def public(record: Record) -> Record:
    """The record as the API shows it: without the fake's private ``_`` keys."""
    return {k: v for k, v in record.items() if not k.startswith("_")}


def respond(data: Any) -> web.Response:
    if isinstance(data, dict):
        return web.json_response(public(data))
    if isinstance(data, list):
        return web.json_response([public(d) if isinstance(d, dict) else d for d in data])
    return web.json_response(data)


def query_list(request: web.Request, name: str) -> list[str] | None:
    """A list filter, sent as repeated keys (``tags=a&tags=b``); None when absent."""
    values = request.query.getall(name, [])
    return list(values) if values else None


def body_field(data: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    """A required body field of type ``kind`` (a list of strings for ``list``)."""
    if name not in data:
        raise invalid(f"body.{name}: field required")
    value = data[name]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise invalid(f"body.{name}: wrong type {type(value).__name__}")
    if isinstance(value, list) and not all(isinstance(v, (str, dict)) for v in value):
        raise invalid(f"body.{name}: items must be strings or objects")
    return value


def org_of(request: web.Request) -> str:
    """The ``{org_id}`` of the path, which must name an organization of the enterprise."""
    org_id = request.match_info["org_id"]
    if org_id not in enterprise_of(request).organizations:
        raise missing("Organization")
    return org_id


def found(records: dict[str, Record], key: str, what: str) -> Record:
    if key not in records:
        raise missing(what)
    return records[key]


def in_window(value: float, after: int | None, before: int | None) -> bool:
    return (after is None or value >= after) and (before is None or value < before)


def matches_any(value: Any, wanted: Iterable[str] | None) -> bool:
    return wanted is None or value in set(wanted)


def person(user: Record) -> Record:
    """Who a member is, as every member page shows it."""
    return {"user_id": user["user_id"], "email": user["email"], "name": user["name"]}


def email_matches(request: web.Request, user: Record) -> bool:
    """Whether ``user`` is the one the query's ``email`` asks for (any, without one)."""
    wanted = request.query.get("email")
    return wanted is None or (user["email"] or "").lower() == wanted.lower()


def idp_members(
    request: web.Request, org: str | None, shape: Callable[[Record], Record] = dict
) -> list[Record]:
    """The ``IdpGroupUser``s with roles in ``org`` (any, if None) that match the query's
    ``email``; ``shape`` makes each role assignment. A member with roles of its own is
    shown as its member record says."""
    ent = enterprise_of(request)
    shown = []
    for in_groups in ent.idp_users.values():
        user = ent.members["users"].get(in_groups["user_id"], in_groups)
        roles = [
            shape(assignment)
            for assignment in ent.idp_role_assignments(user["user_id"])
            if org in (None, assignment["org_id"])
        ]
        if roles and email_matches(request, user):
            shown.append({**person(user), "idp_role_assignments": roles})
    return shown
