"""v3 enterprise sessions: ``/v3/enterprise/sessions`` (any organization of the enterprise).

Every call takes ``org_id=``: it narrows the call to one organization, and is sent
only when given (the client's default organization does not apply at this level).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._converter import structure
from ..._fanout.polling import V3_TERMINAL
from ..._fanout.resource import SessionFanOut
from ..._http import Request
from ..._options import RequestOptions
from ..._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..._query import query
from ...models.attachments import SessionAttachment
from ...models.events import SessionMessage
from ...models.sessions import (
    InsightGeneration,
    SessionInsights,
    SessionResponse,
)
from .._org import split_filters
from ..sessions import SessionFilters
from ._base import EnterpriseResource

__all__ = ["EnterpriseSessionFilters", "EnterpriseSessions"]

_SESSIONS = "/v3/enterprise/sessions"
_SESSION = _SESSIONS + "/{devin_id}"

# Aliases, because the ``list`` method shadows the builtin inside the class body.
_Tags = list[str]
_Attachments = list[SessionAttachment]


class EnterpriseSessionFilters(SessionFilters, total=False):
    """The organization family's session filters, plus ``org_ids`` (any of them)."""

    org_ids: Sequence[str]


class EnterpriseSessions(
    EnterpriseResource, SessionFanOut[SessionResponse], model=SessionResponse, terminal=V3_TERMINAL
):
    """Sessions across the enterprise (read access needs ViewAccountSessions)."""

    async def get(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Get one session by its ``devin-...`` id."""
        return await self._core.call(SessionResponse, self._get_request(devin_id, org_id, options))

    def _get_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        return self._core.request_maker(
            "GET", _SESSION, path={}, each="devin_id", params=query(org_id=org_id), options=options
        )

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **filters: Unpack[EnterpriseSessionFilters],
    ) -> AsyncPaginator[SessionResponse]:
        """Every session matching the filters, in any organization, fetched lazily."""
        params, options = split_filters(filters, EnterpriseSessionFilters)
        return self._list(
            SessionResponse,
            _SESSIONS,
            params=params,
            page_size=page_size,
            limit=limit,
            options=options,
        )

    def list_insights(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **filters: Unpack[EnterpriseSessionFilters],
    ) -> AsyncPaginator[SessionInsights]:
        """Like ``list``, each session with its message counts, size and AI analysis."""
        params, options = split_filters(filters, EnterpriseSessionFilters)
        return self._list(
            SessionInsights,
            _SESSIONS + "/insights",
            params=params,
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionInsights:
        """A session with its metrics and AI analysis (``analysis`` is None until generated)."""
        return await self._call(
            SessionInsights,
            "GET",
            _SESSION + "/insights",
            {"devin_id": devin_id},
            params=query(org_id=org_id),
            options=options,
        )

    async def generate_insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> InsightGeneration:
        """Ask for the AI analysis now; it arrives later on ``insights``."""
        return await self._call(
            InsightGeneration,
            "POST",
            _SESSION + "/insights/generate",
            {"devin_id": devin_id},
            params=query(org_id=org_id),
            options=options,
        )

    def messages(
        self,
        devin_id: str,
        *,
        org_id: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[SessionMessage]:
        """The session's messages, oldest first, fetched lazily.

        The spec nests ``first``/``after`` in a ``qs`` object; they travel flat, as on
        every other cursor list (INVENTORY section 3).
        """
        return self._list(
            SessionMessage,
            _SESSION + "/messages",
            {"devin_id": devin_id},
            params=query(org_id=org_id),
            page_size=page_size,
            limit=limit,
            options=options,
        )

    async def send_message(
        self,
        devin_id: str,
        message: str,
        *,
        message_as_user_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Send a message to a session (waking it if asleep); needs ManageAccountSessions."""
        return await self._call(
            SessionResponse,
            "POST",
            _SESSION + "/messages",
            {"devin_id": devin_id},
            params=query(org_id=org_id),
            json=body(message=message, message_as_user_id=message_as_user_id),
            options=options,
        )

    async def attachments(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _Attachments:
        """Every file attached to the session, by the user or by Devin.

        The SDK-generated spec answers a bare list, a docs page ``{"items": [...]}``:
        both are accepted.
        """
        request = self._core.request(
            "GET",
            _SESSION + "/attachments",
            path={"devin_id": devin_id},
            params=query(org_id=org_id),
            options=options,
        )
        data = await self._core.call_json(request)
        if isinstance(data, dict) and "items" in data:
            data = data["items"]
        return structure(data, _Attachments, what=request)

    async def tags(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _Tags:
        """The session's tags."""
        path = {"devin_id": devin_id}
        return await self._tags(
            "GET", _SESSION + "/tags", path, None, options, query(org_id=org_id)
        )

    async def add_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Tags:
        """Append ``tags`` (the server drops duplicates); returns every tag now set."""
        path = {"devin_id": devin_id}
        return await self._tags(
            "POST", _SESSION + "/tags", path, tags, options, query(org_id=org_id)
        )

    async def set_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Tags:
        """Replace every tag with ``tags`` (``[]`` clears them); returns the new tags."""
        path = {"devin_id": devin_id}
        return await self._tags(
            "PUT", _SESSION + "/tags", path, tags, options, query(org_id=org_id)
        )
