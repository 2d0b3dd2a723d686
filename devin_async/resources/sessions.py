"""v3 organization sessions: ``/v3/organizations/{org_id}/sessions``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from typing_extensions import Unpack

from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._polling import V3_TERMINAL
from .._query import query
from ..models.sessions import SessionResponse
from ._fanout import SessionFanOut

__all__ = ["Sessions"]

_SESSION = "/v3/organizations/{org_id}/sessions/{devin_id}"


class Sessions(SessionFanOut[SessionResponse], terminal=V3_TERMINAL):
    """Sessions of one organization (the client's ``org_id`` unless a call passes one)."""

    async def get(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Get one session by its ``devin-...`` id."""
        path = {"org_id": self._core.org_id(org_id), "devin_id": devin_id}
        request = self._core.request("GET", _SESSION, path=path, options=options)
        return await self._core.call(SessionResponse, request)

    def list(
        self,
        *,
        tags: Sequence[str] | None = None,
        session_ids: Sequence[str] | None = None,
        user_ids: Sequence[str] | None = None,
        service_user_ids: Sequence[str] | None = None,
        origins: Sequence[str] | None = None,
        playbook_id: str | None = None,
        schedule_id: str | None = None,
        created_after: int | datetime | None = None,
        created_before: int | datetime | None = None,
        updated_after: int | datetime | None = None,
        updated_before: int | datetime | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[SessionResponse]:
        """Every session matching the filters, fetched lazily page by page.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        params = query(
            tags=tags,
            session_ids=session_ids,
            user_ids=user_ids,
            service_user_ids=service_user_ids,
            origins=origins,
            playbook_id=playbook_id,
            schedule_id=schedule_id,
            created_after=created_after,
            created_before=created_before,
            updated_after=updated_after,
            updated_before=updated_before,
        )
        path = {"org_id": self._core.org_id(org_id)}
        request = self._core.request(
            "GET", "/v3/organizations/{org_id}/sessions", path=path, params=params, options=options
        )
        return self._core.paginate(SessionResponse, request, page_size=page_size, limit=limit)

    async def terminate(
        self,
        devin_id: str,
        *,
        archive: bool | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Terminate a session; ``archive=True`` archives it too."""
        path = {"org_id": self._core.org_id(org_id), "devin_id": devin_id}
        request = self._core.request(
            "DELETE", _SESSION, path=path, params=query(archive=archive), options=options
        )
        return await self._core.call(SessionResponse, request)
