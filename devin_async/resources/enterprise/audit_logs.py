"""Audit logs: ``/v3/enterprise/audit-logs`` and one organization's."""

from __future__ import annotations

from typing import Literal

from typing_extensions import Unpack

from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.common import Timestamp
from ...models.enterprise import AuditLog, AuditLogAction
from ._base import EnterpriseResource, org_scoped

__all__ = ["AuditLogs"]


class AuditLogs(EnterpriseResource):
    """Who did what, newest first unless ``order="asc"``."""

    def list(
        self,
        *,
        org_id: str | None = None,
        action: AuditLogAction | str | None = None,
        order: Literal["asc", "desc"] | None = None,
        time_after: Timestamp | None = None,
        time_before: Timestamp | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[AuditLog]:
        """Entries of the whole enterprise, or of ``org_id`` only.

        ``time_after``/``time_before`` are epoch seconds (or datetimes); the API wants
        ``time_after`` whenever ``time_before`` is given, and a window of at most 100 days.
        """
        if time_before is not None and time_after is None:
            raise ValueError("time_before needs time_after too (the API refuses it alone)")
        params = query(action=action, order=order, time_after=time_after, time_before=time_before)
        return self._list(
            AuditLog,
            org_scoped("/audit-logs", org_id),
            params=params,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )
