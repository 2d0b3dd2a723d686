"""Members of the enterprise or of one organization: users, service users, IdP groups.

Every method that exists at both levels takes ``org_id=``: left out, it acts on the
enterprise (``/v3/enterprise/members/...``); given, on that organization
(``/v3/enterprise/organizations/{org_id}/members/...``).

Permissions: reads need ``ViewAccountMembership`` (older pages say
``ManageAccountMembership``), changes ``ManageAccountMembership``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from typing import Generic, TypeVar

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.enterprise import IdpGroup, RegisteredIdpGroup, ServiceUser, User
from ...models.members import IdpGroupUser, UserWithIdpRoles
from ._base import EnterpriseResource, org_scoped

__all__ = ["IdpGroups", "ServiceUsers", "Users"]

M = TypeVar("M", User, ServiceUser, IdpGroup)


class _Members(EnterpriseResource, Generic[M]):
    """Role membership of one kind of principal, at enterprise or organization level."""

    _model: type[M]
    _kind: str  # the path segment: "users", "service-users", "idp-groups"
    _id: str  # the path parameter naming one member

    def _member(
        self,
        method: str,
        member_id: str,
        org_id: str | None,
        options: RequestOptions,
        role_id: str | None = None,
    ) -> Awaitable[M]:
        """A call on one member, in the enterprise or in ``org_id``; ``role_id`` is the body."""
        return self._call(
            self._model,
            method,
            org_scoped(f"/members/{self._kind}/{{{self._id}}}", org_id),
            {self._id: member_id},
            json=None if role_id is None else {"role_id": role_id},
            org_id=org_id,
            options=options,
        )

    def list(
        self,
        *,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[M]:
        """Members of the enterprise, or of ``org_id``, with their role assignments."""
        return self._list(
            self._model,
            org_scoped(f"/members/{self._kind}", org_id),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def update(
        self,
        member_id: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> M:
        """Change the member's role in the enterprise, or in ``org_id``."""
        return await self._member("PATCH", member_id, org_id, options, role_id=role_id)

    async def delete(
        self, member_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> M:
        """Remove the member from the enterprise, or from ``org_id`` only."""
        return await self._member("DELETE", member_id, org_id, options)


class Users(_Members[User]):
    """Human members; they join the enterprise by invitation, organizations by ``assign``."""

    _model = User
    _kind = "users"
    _id = "user_id"

    async def get(self, user_id: str, **options: Unpack[RequestOptions]) -> UserWithIdpRoles:
        """One enterprise member, with the roles its IdP groups give it where the API says."""
        return await self._call(
            UserWithIdpRoles,
            "GET",
            "/members/users/{user_id}",
            {"user_id": user_id},
            options=options,
        )

    def list_idp_users(
        self,
        *,
        email: str | None = None,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[IdpGroupUser]:
        """Users who are members through IdP groups, of the enterprise or of ``org_id``
        (``email``: an exact match)."""
        return self._list(
            IdpGroupUser,
            org_scoped("/members/idp-users", org_id),
            params=query(email=email),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def invite(
        self,
        emails: Sequence[str],
        *,
        enterprise_role_id: str,
        **options: Unpack[RequestOptions],
    ) -> list[User]:
        """Invite people by email into the enterprise with one role."""
        body = {
            "emails": list(emails),
            "enterprise_role_id": enterprise_role_id,
        }
        return await self._call(list[User], "POST", "/members/users", json=body, options=options)

    async def assign(
        self, user_id: str, *, org_id: str, role_id: str, **options: Unpack[RequestOptions]
    ) -> User:
        """Add an enterprise member to organization ``org_id`` with a role."""
        return await self._member("POST", user_id, org_id, options, role_id=role_id)


class ServiceUsers(_Members[ServiceUser]):
    """API principals (``cog_`` keys) and their roles."""

    _model = ServiceUser
    _kind = "service-users"
    _id = "service_user_id"

    async def get(self, service_user_id: str, **options: Unpack[RequestOptions]) -> ServiceUser:
        """One service user of the enterprise."""
        return await self._member("GET", service_user_id, None, options)

    async def assign(
        self,
        service_user_id: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> ServiceUser:
        """Give the service user a role in the enterprise, or in ``org_id``."""
        return await self._member("POST", service_user_id, org_id, options, role_id=role_id)


class IdpGroups(_Members[IdpGroup]):
    """Identity-provider groups: registered names, and the roles their members get."""

    _model = IdpGroup
    _kind = "idp-groups"
    _id = "idp_group_name"

    async def get(
        self, idp_group_name: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> IdpGroup:
        """One group's role assignments in the enterprise, or in ``org_id``."""
        return await self._member("GET", idp_group_name, org_id, options)

    async def assign(
        self,
        idp_group_name: str,
        *,
        role_id: str,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> IdpGroup:
        """Give the group's members a role in the enterprise, or in ``org_id``."""
        return await self._member("POST", idp_group_name, org_id, options, role_id=role_id)

    def list_registered(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[RegisteredIdpGroup]:
        """Group names registered with the enterprise (with or without roles)."""
        return self._list(
            RegisteredIdpGroup,
            "/idp-groups",
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def register(
        self, idp_group_names: Sequence[str], **options: Unpack[RequestOptions]
    ) -> list[RegisteredIdpGroup]:
        """Register group names from the identity provider, several at once."""
        body = {"idp_group_names": list(idp_group_names)}
        return await self._call(
            list[RegisteredIdpGroup], "POST", "/idp-groups", json=body, options=options
        )

    async def unregister(
        self, idp_group_name: str, **options: Unpack[RequestOptions]
    ) -> RegisteredIdpGroup:
        """Remove a registered group name from the enterprise."""
        return await self._call(
            RegisteredIdpGroup,
            "DELETE",
            "/idp-groups/{idp_group_name}",
            {"idp_group_name": idp_group_name},
            options=options,
        )
