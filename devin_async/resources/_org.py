"""What every ``/v3/organizations/{org_id}/...`` resource shares."""

from __future__ import annotations

from ._base import Ids, Query, Resource

__all__ = ["OrgResource"]


class OrgResource(Resource):
    """A resource of one organization: the client's ``org_id`` unless a call passes one."""

    _prefix = "/v3/organizations/{org_id}"

    def _place(self, ids: Ids, org_id: str | None, params: Query) -> tuple[Ids, Query]:
        return {"org_id": self._core.org_id(org_id), **ids}, params
