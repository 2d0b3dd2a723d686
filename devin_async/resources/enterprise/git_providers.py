"""Git connections of the enterprise, and which repositories each organization may use."""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ...models.enterprise import GitConnection, GitPermission, GitPermissionSpec
from ._base import EnterpriseResource

__all__ = ["GitProviders"]

_PERMISSIONS = "/organizations/{org_id}/git-providers/permissions"
_PERMISSION = _PERMISSIONS + "/{git_permission_id}"


def _specs(permissions: Sequence[GitPermissionSpec]) -> list[GitPermissionSpec]:
    return list(permissions)


class GitProviders(EnterpriseResource):
    """Git connections and per-organization git permissions (``ManageGitIntegrations``)."""

    def list_connections(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[GitConnection]:
        """The enterprise's connections to GitHub, GitLab, Azure DevOps and Bitbucket."""
        return self._list(
            GitConnection,
            "/git-providers/connections",
            page_size=page_size,
            limit=limit,
            options=options,
        )

    def list_permissions(
        self,
        org_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[GitPermission]:
        """The repositories (or path/group prefixes) organization ``org_id`` may use."""
        return self._list(
            GitPermission,
            _PERMISSIONS,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def _write(
        self,
        method: str,
        org_id: str,
        permissions: Sequence[GitPermissionSpec],
        options: RequestOptions,
    ) -> list[GitPermission]:
        data = body(permissions=_specs(permissions))
        return await self._call(
            list[GitPermission], method, _PERMISSIONS, json=data, org_id=org_id, options=options
        )

    async def create_permissions(
        self,
        org_id: str,
        permissions: Sequence[GitPermissionSpec],
        **options: Unpack[RequestOptions],
    ) -> list[GitPermission]:
        """Grant ``permissions`` to ``org_id`` in addition to what it has."""
        return await self._write("POST", org_id, permissions, options)

    async def replace_permissions(
        self,
        org_id: str,
        permissions: Sequence[GitPermissionSpec],
        **options: Unpack[RequestOptions],
    ) -> list[GitPermission]:
        """Make ``permissions`` the whole set ``org_id`` has."""
        return await self._write("PUT", org_id, permissions, options)

    async def clear_permissions(
        self, org_id: str, **options: Unpack[RequestOptions]
    ) -> list[GitPermission]:
        """Revoke every git permission of ``org_id``; answers the ones removed."""
        return await self._call(
            list[GitPermission], "DELETE", _PERMISSIONS, org_id=org_id, options=options
        )

    async def update_permission(
        self,
        org_id: str,
        git_permission_id: str,
        *,
        read_only: bool | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> GitPermission:
        """Change one git permission (PATCH: only the arguments passed are sent)."""
        return await self._call(
            GitPermission,
            "PATCH",
            _PERMISSION,
            {"git_permission_id": git_permission_id},
            json=body(read_only=read_only),
            org_id=org_id,
            options=options,
        )

    async def delete_permission(
        self, org_id: str, git_permission_id: str, **options: Unpack[RequestOptions]
    ) -> GitPermission:
        """Revoke one git permission."""
        return await self._call(
            GitPermission,
            "DELETE",
            _PERMISSION,
            {"git_permission_id": git_permission_id},
            org_id=org_id,
            options=options,
        )
