"""Fake IdP-derived memberships: users whose roles come from identity-provider groups,
and one enterprise member with those roles beside its own (``UserWithIdpRoles``).

A user record's private ``_idp_groups`` names the groups it belongs to; each group's
role assignments (``members["idp-groups"]``) become the user's IdP role assignments.
"""

from __future__ import annotations

from aiohttp import web

from ._enterprise_http import enterprise_of, found, org_of, respond
from ._state import EnterpriseState, Record
from ._wire import Route, cursor_page

__all__ = ["ROUTES"]

E = "/v3/enterprise"


def idp_role_assignments(ent: EnterpriseState, user: Record) -> list[Record]:
    """The roles ``user`` holds through its IdP groups, each naming its group."""
    groups = ent.members["idp-groups"]
    return [
        {"idp_group_name": name, **assignment}
        for name in user.get("_idp_groups", ())
        if name in groups
        for assignment in groups[name]["role_assignments"]
    ]


async def list_idp_users(request: web.Request) -> web.Response:
    ent = enterprise_of(request)
    org = org_of(request) if "org_id" in request.match_info else None
    email = request.query.get("email")
    shown = []
    for user in ent.members["users"].values():
        roles = idp_role_assignments(ent, user)
        if org is not None:
            roles = [r for r in roles if r["org_id"] == org]
        if roles and email in (None, user["email"]):
            shown.append(
                {
                    "user_id": user["user_id"],
                    "email": user["email"],
                    "name": user["name"],
                    "idp_role_assignments": roles,
                }
            )
    return cursor_page(request, shown, lambda user: user)


async def get_user(request: web.Request) -> web.Response:
    ent = enterprise_of(request)
    user = found(ent.members["users"], request.match_info["user_id"], "User")
    return respond({**user, "idp_role_assignments": idp_role_assignments(ent, user)})


ROUTES: tuple[Route, ...] = (
    ("GET", E + "/members/users/{user_id}", get_user),
    ("GET", E + "/members/idp-users", list_idp_users),
    ("GET", E + "/organizations/{org_id}/members/idp-users", list_idp_users),
)
