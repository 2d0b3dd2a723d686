"""Organizations of the enterprise, and the ACU caps shared by groups of them."""

from __future__ import annotations

from collections.abc import Mapping

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ...models.enterprise import Organization, OrgGroup, OrgGroupLimits
from ._base import EnterpriseResource

__all__ = ["Organizations"]

_ORGS = "/organizations"
_ORG = _ORGS + "/{org_id}"
_GROUP_LIMITS = "/org-group-limits"


class Organizations(EnterpriseResource):
    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[Organization]:
        """Every organization of the enterprise."""
        return self._list(Organization, _ORGS, page_size=page_size, limit=limit, options=options)

    async def get(self, org_id: str, **options: Unpack[RequestOptions]) -> Organization:
        """One organization, with its ACU limits."""
        return await self._call(Organization, "GET", _ORG, org_id=org_id, options=options)

    async def create(
        self,
        *,
        name: str,
        max_cycle_acu_limit: int | NotGiven | None = NOT_GIVEN,
        max_session_acu_limit: int | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Organization:
        """Create an organization; ACU limits not given are left to the server's default."""
        data = body(
            name=name,
            max_cycle_acu_limit=max_cycle_acu_limit,
            max_session_acu_limit=max_session_acu_limit,
        )
        return await self._call(Organization, "POST", _ORGS, json=data, options=options)

    async def update(
        self,
        org_id: str,
        *,
        name: str | NotGiven = NOT_GIVEN,
        max_cycle_acu_limit: int | NotGiven | None = NOT_GIVEN,
        max_session_acu_limit: int | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> Organization:
        """Rename an organization or change its ACU limits; ``None`` removes a limit."""
        data = body(
            name=name,
            max_cycle_acu_limit=max_cycle_acu_limit,
            max_session_acu_limit=max_session_acu_limit,
        )
        if not data:
            raise ValueError(
                "update needs at least one of name, max_cycle_acu_limit, max_session_acu_limit"
            )
        return await self._call(
            Organization, "PATCH", _ORG, json=data, org_id=org_id, options=options
        )

    async def delete(self, org_id: str, **options: Unpack[RequestOptions]) -> Organization:
        """Delete an organization from the enterprise."""
        return await self._call(Organization, "DELETE", _ORG, org_id=org_id, options=options)

    async def get_group_limits(self, **options: Unpack[RequestOptions]) -> OrgGroupLimits:
        """The named groups of organizations that share an ACU cap per billing cycle."""
        return await self._call(OrgGroupLimits, "GET", _GROUP_LIMITS, options=options)

    async def replace_group_limits(
        self, groups: Mapping[str, OrgGroup], **options: Unpack[RequestOptions]
    ) -> OrgGroupLimits:
        """Replace the whole organization-group configuration with ``groups``."""
        for name, group in groups.items():
            if not isinstance(group, OrgGroup):
                raise TypeError(f"group {name!r} must be an OrgGroup, not {type(group).__name__}")
        data = body(groups=dict(groups))
        return await self._call(OrgGroupLimits, "PUT", _GROUP_LIMITS, json=data, options=options)
