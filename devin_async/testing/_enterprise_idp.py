"""Fake IdP-derived memberships: users whose roles come from identity-provider groups,
and one enterprise member with those roles beside its own (``UserWithIdpRoles``).

Who is in which group is ``EnterpriseState.idp_users``; each group's role assignments
(``members["idp-groups"]``) become its members' IdP role assignments. The organization
pages (``/v3beta1/organizations/{org_id}/members``) read the same records.
"""

from __future__ import annotations

from aiohttp import web

from ._enterprise_http import enterprise_of, found, idp_members, org_of, respond
from ._wire import Route, cursor_page

__all__ = ["ROUTES"]

E = "/v3/enterprise"


async def list_idp_users(request: web.Request) -> web.Response:
    org = org_of(request) if "org_id" in request.match_info else None
    return cursor_page(request, idp_members(request, org), lambda user: user)


async def get_user(request: web.Request) -> web.Response:
    ent = enterprise_of(request)
    user = found(ent.members["users"], request.match_info["user_id"], "User")
    roles = ent.idp_role_assignments(user["user_id"])
    return respond({**user, "idp_role_assignments": roles})


ROUTES: tuple[Route, ...] = (
    ("GET", E + "/members/users/{user_id}", get_user),
    ("GET", E + "/members/idp-users", list_idp_users),
    ("GET", E + "/organizations/{org_id}/members/idp-users", list_idp_users),
)
