"""Fake beta reads: an organization's members (``/v3beta1/organizations/{org_id}/members``)
and guardrail violations (``/v3beta1/enterprise/...guardrail-violations``, both levels).

Members are read from ``EnterpriseState``: users with roles of their own, and who is in
which IdP group (as ``/v3/enterprise/members/idp-users`` shows them). Organization pages
leave out a role's ``role_type``, as the API's do.
"""

from __future__ import annotations

from aiohttp import web

from ._enterprise_http import email_matches, enterprise_of, idp_members, in_window, org_of, person
from ._state import Record
from ._wire import Route, cursor_page, int_param, invalid, missing, state_of

__all__ = ["ROUTES"]

_MEMBERS = "/v3beta1/organizations/{org_id}/members"


def _org_role(assignment: Record) -> Record:
    role = {k: v for k, v in assignment["role"].items() if k != "role_type"}
    return {"role": role, "org_id": assignment["org_id"]}


def _direct(user: Record, org: str) -> list[Record]:
    return [_org_role(a) for a in user["role_assignments"] if a["org_id"] == org]


def _idp_org_role(assignment: Record) -> Record:
    return {"idp_group_name": assignment["idp_group_name"], **_org_role(assignment)}


async def list_users(request: web.Request) -> web.Response:
    org = request.match_info["org_id"]
    users = enterprise_of(request).members["users"].values()
    shown = [
        {**person(u), "role_assignments": _direct(u, org)}
        for u in users
        if _direct(u, org) and email_matches(request, u)
    ]
    return cursor_page(request, shown, lambda u: u)


async def get_user(request: web.Request) -> web.Response:
    org = request.match_info["org_id"]
    user_id = request.match_info["user_id"]
    ent = enterprise_of(request)
    direct = ent.members["users"].get(user_id)
    assigned = _direct(direct, org) if direct else []
    through = [_idp_org_role(a) for a in ent.idp_role_assignments(user_id) if a["org_id"] == org]
    person_of = direct if direct is not None else ent.idp_users.get(user_id)
    if person_of is None or not (assigned or through):
        raise missing("Member of this organization")
    return web.json_response(
        {
            **person(person_of),
            "role_assignments": assigned,
            "idp_role_assignments": through,
        }
    )


async def list_idp_users(request: web.Request) -> web.Response:
    org = request.match_info["org_id"]
    return cursor_page(request, idp_members(request, org, _idp_org_role), lambda u: u)


async def list_violations(request: web.Request) -> web.Response:
    org = org_of(request) if "org_id" in request.match_info else None
    after, before = int_param(request, "time_after"), int_param(request, "time_before")
    order = request.query.get("order", "desc")
    if order not in ("asc", "desc"):
        raise invalid(f"order must be asc or desc, got {order!r}")
    q = request.query
    shown = [
        v
        for v in state_of(request).beta.guardrail_violations
        if org in (None, v["org_id"])
        and q.get("guardrail_id") in (None, v["guardrail_id"])
        and q.get("session_id") in (None, v["session_id"])
        and in_window(v["created_at"], after, before)
    ]
    shown.sort(key=lambda v: v["created_at"], reverse=order == "desc")
    return cursor_page(request, shown, lambda v: v)


_VIOLATIONS = "/guardrail-violations"

ROUTES: tuple[Route, ...] = (
    ("GET", _MEMBERS + "/users", list_users),
    ("GET", _MEMBERS + "/users/{user_id}", get_user),
    ("GET", _MEMBERS + "/idp-users", list_idp_users),
    ("GET", "/v3beta1/enterprise" + _VIOLATIONS, list_violations),
    ("GET", "/v3beta1/enterprise/organizations/{org_id}" + _VIOLATIONS, list_violations),
)
