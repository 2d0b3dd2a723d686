"""The session endpoints that organizations and the enterprise both have, written once.

``/v3/organizations/{org_id}/sessions/{devin_id}/...`` and
``/v3/enterprise/sessions/{devin_id}/...`` take the same calls; each family places
``org_id`` its own way (a path segment, or a query parameter at enterprise level).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, overload

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._fanout.collector import check_on_error
from .._fanout.polling import V3_TERMINAL
from .._fanout.resource import OnError, SessionFanOut, id_checked
from .._fanout.results import BulkResult, Outcome, ProgressCallback
from .._http import Request
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from ..models.attachments import SessionAttachment
from ..models.events import SessionMessage
from ..models.sessions import InsightGeneration, SessionInsights, SessionResponse

__all__ = ["SESSION", "SESSIONS", "SessionCalls"]

SESSIONS = "/sessions"
SESSION = SESSIONS + "/{devin_id}"


def _listed(data: Any) -> Any:
    """A list answered bare (the SDK-generated spec) or as ``{"items": [...]}`` (a docs page)."""
    if isinstance(data, dict) and "items" in data:
        return data["items"]
    return data


class SessionCalls(SessionFanOut[SessionResponse], model=SessionResponse, terminal=V3_TERMINAL):
    """One session's calls, shared by ``client.sessions`` and ``client.enterprise.sessions``."""

    _listed_by_id = SESSIONS  # takes session_ids (docs: list sessions)

    async def get(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Get one session by its ``devin-...`` id."""
        return await self._get_one(devin_id, org_id, options)

    def _get_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        return self._request_maker("GET", SESSION, each="devin_id", org_id=org_id, options=options)

    async def send_message(
        self,
        devin_id: str,
        message: str,
        *,
        message_as_user_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Send a message to a session (waking it if asleep).

        At enterprise level this needs ManageAccountSessions.
        """
        return await self._call(
            SessionResponse,
            "POST",
            SESSION + "/messages",
            {"devin_id": devin_id},
            json=body(message=message, message_as_user_id=message_as_user_id),
            org_id=org_id,
            options=options,
        )

    def messages(
        self,
        devin_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[SessionMessage]:
        """The session's messages, oldest first, fetched lazily.

        The enterprise spec nests ``first``/``after`` in a ``qs`` object; they travel
        flat, as on every other cursor list (INVENTORY section 3).
        """
        return self._list(
            SessionMessage,
            SESSION + "/messages",
            {"devin_id": devin_id},
            page_size=page_size,
            limit=limit,
            org_id=org_id,
            options=options,
        )

    async def attachments(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[SessionAttachment]:
        """Every file attached to the session, by the user or by Devin.

        The SDK-generated spec answers a bare list, a docs page ``{"items": [...]}``:
        both are accepted.
        """
        return await self._call(
            builtins.list[SessionAttachment],
            "GET",
            SESSION + "/attachments",
            {"devin_id": devin_id},
            unwrap=_listed,
            org_id=org_id,
            options=options,
        )

    async def insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionInsights:
        """A session with its metrics and AI analysis (``analysis`` is None until generated)."""
        return await self._call(
            SessionInsights,
            "GET",
            SESSION + "/insights",
            {"devin_id": devin_id},
            org_id=org_id,
            options=options,
        )

    @overload
    async def insights_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["raise"] = "raise",
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[SessionInsights]: ...

    @overload
    async def insights_many(
        self,
        ids: Iterable[str],
        *,
        on_error: Literal["return"],
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Outcome[SessionInsights]]: ...

    async def insights_many(
        self,
        ids: Iterable[str],
        *,
        on_error: OnError = "raise",
        concurrency: int | None = None,
        deadline: float | None = None,
        on_progress: ProgressCallback | None = None,
        batch: bool = True,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[Any]:
        """``insights`` for every id, as ``get_many`` does ``get``: up to 200 sessions per
        request through ``list_insights`` (``batch=False``: one request per id)."""
        check_on_error(on_error)
        decode = id_checked(self._core.decoder(SessionInsights), type(self)._id_of, "/insights")
        one = self._one_by_one(self._insights_requests, decode, SessionInsights, org_id, options)
        fetch = self._batched(one, SESSIONS + "/insights", SessionInsights, org_id, options, batch)
        return await self._fetch_many(fetch, ids, on_error, concurrency, deadline, on_progress)

    def _insights_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        return self._request_maker(
            "GET", SESSION + "/insights", each="devin_id", org_id=org_id, options=options
        )

    async def generate_insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> InsightGeneration:
        """Ask for the AI analysis now; it arrives later on ``insights``."""
        return await self._call(
            InsightGeneration,
            "POST",
            SESSION + "/insights/generate",
            {"devin_id": devin_id},
            org_id=org_id,
            options=options,
        )

    async def tags(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> builtins.list[str]:
        """The session's tags."""
        return await self._tags(
            "GET", SESSION + "/tags", {"devin_id": devin_id}, org_id=org_id, options=options
        )

    async def add_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """Append ``tags`` (the server drops duplicates); returns every tag now set."""
        return await self._tags(
            "POST",
            SESSION + "/tags",
            {"devin_id": devin_id},
            tags=tags,
            org_id=org_id,
            options=options,
        )

    async def set_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[str]:
        """Replace every tag with ``tags`` (``[]`` clears them); returns the new tags."""
        return await self._tags(
            "PUT",
            SESSION + "/tags",
            {"devin_id": devin_id},
            tags=tags,
            org_id=org_id,
            options=options,
        )
