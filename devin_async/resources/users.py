"""Organization members (beta reads): ``/v3beta1/organizations/{org_id}/members/...``."""

from __future__ import annotations

from typing_extensions import Unpack

from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.members import IdpGroupUser, OrgUser, UserWithIdpRoles
from ._beta import BetaOrgResource

__all__ = ["OrgUsers"]

_USERS = "/members/users"


class OrgUsers(BetaOrgResource):
    """``client.users``: who belongs to the organization, directly or through IdP groups.

    Beta only in the docs (``OrgResource`` once promoted to /v3/).
    """

    def list(
        self,
        *,
        email: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[OrgUser]:
        """Users with roles assigned directly in the organization (``email``: that one)."""
        return self._list(
            OrgUser,
            _USERS,
            params=query(email=email),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def get(
        self, user_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> UserWithIdpRoles:
        """One member, with direct roles and those from IdP groups."""
        return await self._call(
            UserWithIdpRoles,
            "GET",
            _USERS + "/{user_id}",
            {"user_id": user_id},
            org_id=org_id,
            options=options,
        )

    def list_idp_users(
        self,
        *,
        email: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[IdpGroupUser]:
        """Members who hold roles through IdP groups, with the groups that give them."""
        return self._list(
            IdpGroupUser,
            "/members/idp-users",
            params=query(email=email),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )
