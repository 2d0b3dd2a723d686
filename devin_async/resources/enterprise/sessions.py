"""v3 enterprise sessions: ``/v3/enterprise/sessions`` (any organization of the enterprise).

Every call takes ``org_id=``: it narrows the call to one organization, and is sent
only when given (the client's default organization does not apply at this level).
"""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import Unpack

from ..._fanout.polling import V3_TERMINAL
from ..._http import Request
from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.sessions import SessionInsights, SessionResponse
from .._base import Ids, Query
from .._session_calls import SESSIONS, SessionCalls
from ..sessions import SessionFilters
from ._base import EnterpriseResource

__all__ = ["EnterpriseSessionFilters", "EnterpriseSessions"]


class EnterpriseSessionFilters(SessionFilters, total=False):
    """The organization family's session filters, plus ``org_ids`` (any of them)."""

    org_ids: Sequence[str]


class EnterpriseSessions(
    EnterpriseResource, SessionCalls, model=SessionResponse, terminal=V3_TERMINAL
):
    """Sessions across the enterprise (read access needs ViewAccountSessions)."""

    def _place(self, ids: Ids, org_id: str | None, params: Query) -> tuple[Ids, Query]:
        # The session's organization narrows the call, sent only when given: a query
        # parameter at this level, never a path segment.
        return ids, [*query(org_id=org_id), *params]

    def _listing(self, template: str, org_id: str | None, options: RequestOptions) -> Request:
        # The lists narrow by org_ids (any of them), not by org_id.
        narrowed = query(org_ids=None if org_id is None else [org_id])
        return self._request("GET", template, params=narrowed, options=options)

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **filters: Unpack[EnterpriseSessionFilters],
    ) -> AsyncPaginator[SessionResponse]:
        """Every session matching the filters, in any organization, fetched lazily."""
        return self._filtered(
            SessionResponse,
            SESSIONS,
            filters=filters,
            allowed=EnterpriseSessionFilters,
            page_size=page_size,
            limit=limit,
        )

    def list_insights(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **filters: Unpack[EnterpriseSessionFilters],
    ) -> AsyncPaginator[SessionInsights]:
        """Like ``list``, each session with its message counts, size and AI analysis."""
        return self._filtered(
            SessionInsights,
            SESSIONS + "/insights",
            filters=filters,
            allowed=EnterpriseSessionFilters,
            page_size=page_size,
            limit=limit,
        )
