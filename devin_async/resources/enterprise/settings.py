"""Enterprise-wide settings and status: IP access list, roles, hypervisors, queue, self."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.enterprise import EnterpriseSelf, Hypervisor, IpAccessList, QueueStatus, Role
from ._base import EnterpriseResource

__all__ = ["EnterpriseIdentity", "Hypervisors", "IpAccessListResource", "Queue", "Roles"]

_IP_ACCESS_LIST = "/ip-access-list"

HypervisorStatus = Literal[
    "available", "restarting", "disconnected", "terminated", "draining", "all"
]


class IpAccessListResource(EnterpriseResource):
    """The CIDR ranges allowed to reach the enterprise; an empty list allows any address.

    Permission: ``ManageEnterpriseSettings`` (the page of ``add`` says ``ManageIPWhitelist``).
    """

    async def get(self, **options: Unpack[RequestOptions]) -> IpAccessList:
        """The ranges allowed now."""
        return await self._call(IpAccessList, "GET", _IP_ACCESS_LIST, options=options)

    async def _write(
        self, method: str, ip_ranges: Sequence[str], options: RequestOptions
    ) -> IpAccessList:
        data = {"ip_ranges": list(ip_ranges)}
        return await self._call(IpAccessList, method, _IP_ACCESS_LIST, json=data, options=options)

    async def add(
        self, ip_ranges: Sequence[str], **options: Unpack[RequestOptions]
    ) -> IpAccessList:
        """Append ``ip_ranges`` (CIDR strings) to the list; existing ranges stay."""
        return await self._write("POST", ip_ranges, options)

    async def replace(
        self, ip_ranges: Sequence[str], **options: Unpack[RequestOptions]
    ) -> IpAccessList:
        """Make ``ip_ranges`` (CIDR strings) the whole list."""
        return await self._write("PUT", ip_ranges, options)

    async def clear(self, **options: Unpack[RequestOptions]) -> IpAccessList:
        """Remove every range (no IP restriction)."""
        return await self._call(IpAccessList, "DELETE", _IP_ACCESS_LIST, options=options)


class Roles(EnterpriseResource):
    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Role]:
        """The enterprise- and organization-level roles members can be given."""
        return self._list(Role, "/roles", page_size=page_size, limit=limit, options=options)


class Hypervisors(EnterpriseResource):
    def list(
        self,
        *,
        status: HypervisorStatus | str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Hypervisor]:
        """The enterprise's hypervisors, by ``status`` (the server's default unless given)."""
        return self._list(
            Hypervisor,
            "/hypervisors",
            params=query(status=status),
            page_size=page_size,
            limit=limit,
            options=options,
        )


class Queue(EnterpriseResource):
    async def status(self, **options: Unpack[RequestOptions]) -> QueueStatus:
        """How many sessions wait to start, and whether that is normal."""
        return await self._call(QueueStatus, "GET", "/queue", options=options)


class EnterpriseIdentity(EnterpriseResource):
    async def get(self, **options: Unpack[RequestOptions]) -> EnterpriseSelf:
        """The enterprise service user this client's key belongs to."""
        return await self._call(EnterpriseSelf, "GET", "/self", options=options)
