"""Legacy v1 audit logs: ``/v1/audit-logs`` (legacy spec only; may be withdrawn)."""

from __future__ import annotations

import builtins
from datetime import datetime

from typing_extensions import Unpack

from ..._converter import to_epoch
from ..._options import RequestOptions
from ..._query import query
from ...models.common import Timestamp
from ...models.v1 import V1AuditLog, V1AuditLogList
from .._args import positive
from ._base import V1Resource

__all__ = ["V1AuditLogs"]


def _bound(value: Timestamp | str | None) -> str | None:
    # The spec types before/after only as a "timestamp" string (UNCONFIRMED unit); a
    # datetime goes as epoch milliseconds, the unit of the entries' own created_at.
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return str(int(to_epoch(value) * 1000))
    return str(value)


class V1AuditLogs(V1Resource):
    """The organization's audit log."""

    async def list(
        self,
        *,
        limit: int = 100,
        before: Timestamp | str | None = None,
        after: Timestamp | str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[V1AuditLog]:
        """Up to ``limit`` entries, newest first, inside the optional time window.

        One request: to go further back, pass ``before=`` the oldest ``created_at`` seen.
        A ``datetime`` bound is sent as epoch milliseconds; ints and strings as given.
        """
        params = query(limit=positive("limit", limit), before=_bound(before), after=_bound(after))
        page = await self._call(
            V1AuditLogList, "GET", "/audit-logs", params=params, options=options
        )
        return page.audit_logs
