"""Organization members as the ``/v3beta1/organizations/{org_id}/members/...`` reads show
them: direct role assignments, and roles that come from identity-provider groups."""

from __future__ import annotations

from ._base import Model, model
from .enterprise import Role, User

__all__ = ["IdpGroupUser", "IdpRoleAssignment", "OrgUser", "UserWithIdpRoles"]


@model
class IdpRoleAssignment(Model):
    """A role held through membership of the IdP group ``idp_group_name``."""

    idp_group_name: str
    role: Role
    org_id: str | None = None


@model
class IdpGroupUser(Model):
    """A person who is a member through IdP groups only."""

    user_id: str
    idp_role_assignments: list[IdpRoleAssignment]
    email: str | None = None
    name: str | None = None


@model
class OrgUser(User):
    """A user with roles assigned directly in the organization."""


@model
class UserWithIdpRoles(User):
    """A user's direct roles and, where the API says, those from IdP groups."""

    idp_role_assignments: list[IdpRoleAssignment] | None = None
