"""v3 organization sessions: ``/v3/organizations/{org_id}/sessions``."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._fanout.polling import V3_TERMINAL
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.common import Timestamp
from ..models.events import EventCategory, EventDetail, EventDirection, EventMatch, SessionEvent
from ..models.sessions import (
    AdvancedMode,
    DevinMode,
    SessionCategory,
    SessionInsights,
    SessionOrigin,
    SessionResponse,
    SessionSecret,
)
from ._org import OrgResource
from ._session_calls import SESSION, SESSIONS, SessionCalls

__all__ = ["EventFilters", "SessionFilters", "Sessions"]

# The API's batch limit for event details by id (docs: "max 20").
_MAX_EVENT_IDS = 20


def _items(data: Any) -> Any:
    """The ``items`` of an answer that is not paginated but wrapped like a page."""
    return data.get("items") if isinstance(data, dict) else None


class SessionFilters(RequestOptions, total=False):
    """Filters of ``list`` and ``list_insights`` (plus the per-call options).

    Timestamps are epoch seconds or datetimes; list filters match any of their values.
    """

    tags: Sequence[str]
    session_ids: Sequence[str]
    user_ids: Sequence[str]
    service_user_ids: Sequence[str]
    origins: Sequence[SessionOrigin | str]
    repo_names: Sequence[str]
    playbook_id: str
    schedule_id: str
    category: SessionCategory | str
    is_archived: bool
    created_after: Timestamp
    created_before: Timestamp
    updated_after: Timestamp
    updated_before: Timestamp


class EventFilters(RequestOptions, total=False):
    """Filters of ``events`` and ``search_events``; ``categories`` and ``event_types`` exclude
    each other."""

    categories: Sequence[EventCategory | str]
    event_types: Sequence[str]
    direction: EventDirection | str
    created_after: Timestamp
    created_before: Timestamp


class Sessions(OrgResource, SessionCalls, model=SessionResponse, terminal=V3_TERMINAL):
    """Sessions of one organization (the client's ``org_id`` unless a call passes one)."""

    def list(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[SessionFilters],
    ) -> AsyncPaginator[SessionResponse]:
        """Every session matching the filters, fetched lazily page by page.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        return self._filtered(
            SessionResponse,
            SESSIONS,
            filters=filters,
            allowed=SessionFilters,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
        )

    def list_insights(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[SessionFilters],
    ) -> AsyncPaginator[SessionInsights]:
        """Like ``list``, each session with its message counts, size and AI analysis."""
        return self._filtered(
            SessionInsights,
            SESSIONS + "/insights",
            filters=filters,
            allowed=SessionFilters,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
        )

    async def create(
        self,
        prompt: str,
        *,
        title: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        repos: Sequence[str] | NotGiven | None = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        child_playbook_id: str | NotGiven | None = NOT_GIVEN,
        knowledge_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        secret_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        session_secrets: Sequence[SessionSecret] | NotGiven | None = NOT_GIVEN,
        session_links: Sequence[str] | NotGiven | None = NOT_GIVEN,
        attachment_urls: Sequence[str] | NotGiven | None = NOT_GIVEN,
        max_acu_limit: int | NotGiven | None = NOT_GIVEN,
        bypass_approval: bool | NotGiven | None = NOT_GIVEN,
        create_as_user_id: str | NotGiven | None = NOT_GIVEN,
        structured_output_schema: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        structured_output_required: bool | NotGiven | None = NOT_GIVEN,
        devin_mode: DevinMode | str | NotGiven | None = NOT_GIVEN,
        platform: str | NotGiven | None = NOT_GIVEN,
        advanced_mode: AdvancedMode | str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Start a session; only the options passed are sent.

        ``platform`` is ``"inherit"``, ``"default"`` or a configured label (an unknown one
        is a 400 listing the labels). ``advanced_mode`` is from the older schema; the
        newest docs drop it.
        """
        payload = body(
            prompt=prompt,
            title=title,
            tags=tags,
            repos=repos,
            playbook_id=playbook_id,
            child_playbook_id=child_playbook_id,
            knowledge_ids=knowledge_ids,
            secret_ids=secret_ids,
            session_secrets=session_secrets,
            session_links=session_links,
            attachment_urls=attachment_urls,
            max_acu_limit=max_acu_limit,
            bypass_approval=bypass_approval,
            create_as_user_id=create_as_user_id,
            structured_output_schema=structured_output_schema,
            structured_output_required=structured_output_required,
            devin_mode=devin_mode,
            platform=platform,
            advanced_mode=advanced_mode,
        )
        return await self._call(
            SessionResponse, "POST", SESSIONS, json=payload, org_id=org_id, options=options
        )

    async def terminate(
        self,
        devin_id: str,
        *,
        archive: bool | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Terminate a session; ``archive=True`` archives it too."""
        return await self._call(
            SessionResponse,
            "DELETE",
            SESSION,
            {"devin_id": devin_id},
            params=query(archive=archive),
            org_id=org_id,
            options=options,
        )

    async def archive(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Archive a session, putting it to sleep if it is running."""
        return await self._call(
            SessionResponse,
            "POST",
            SESSION + "/archive",
            {"devin_id": devin_id},
            org_id=org_id,
            options=options,
        )

    def events(
        self,
        devin_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[EventFilters],
    ) -> AsyncPaginator[SessionEvent]:
        """The session's events with one-line summaries, fetched lazily."""
        return self._filtered(
            SessionEvent,
            SESSION + "/events",
            {"devin_id": devin_id},
            filters=filters,
            allowed=EventFilters,
            page_size=page_size,
            limit=limit,
            org_id=org_id,
        )

    def search_events(
        self,
        devin_id: str,
        text: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[EventFilters],
    ) -> AsyncPaginator[EventMatch]:
        """Events whose commands, paths, messages, URLs... contain ``text`` (any case)."""
        return self._filtered(
            EventMatch,
            SESSION + "/events/search",
            {"devin_id": devin_id},
            filters=filters,
            allowed=EventFilters,
            params=query(query=text),
            page_size=page_size,
            limit=limit,
            org_id=org_id,
        )

    async def event_details(
        self,
        devin_id: str,
        *,
        event_ids: Sequence[str] | None = None,
        offset: int | None = None,
        limit: int | None = None,
        max_content_length: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> builtins.list[EventDetail]:
        """Full contents of events: up to 20 ``event_ids``, or ``limit`` (max 50) from
        ``offset`` in the timeline. Long fields are cut to ``max_content_length``."""
        if event_ids is not None:
            ids = list(event_ids)
            if offset is not None or limit is not None:
                raise ValueError("pass event_ids, or offset/limit, not both")
            if not 1 <= len(ids) <= _MAX_EVENT_IDS:
                raise ValueError(f"event_ids takes 1 to {_MAX_EVENT_IDS} ids, got {len(ids)}")
        params = query(
            event_ids=event_ids, offset=offset, limit=limit, max_content_length=max_content_length
        )
        return await self._call(
            builtins.list[EventDetail],
            "GET",
            SESSION + "/events/details",
            {"devin_id": devin_id},
            params=params,
            unwrap=_items,
            org_id=org_id,
            options=options,
        )
