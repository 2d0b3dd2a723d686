"""v3 organization sessions: ``/v3/organizations/{org_id}/sessions``."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from typing_extensions import Unpack

from .._body import NOT_GIVEN, NotGiven, body
from .._converter import structure
from .._fanout.polling import V3_TERMINAL
from .._fanout.resource import SessionFanOut
from .._http import Request
from .._options import RequestOptions
from .._pagination import MAX_PAGE_SIZE, AsyncPaginator
from .._query import query
from ..models.attachments import SessionAttachment
from ..models.events import (
    EventCategory,
    EventDetail,
    EventDirection,
    EventMatch,
    SessionEvent,
    SessionMessage,
)
from ..models.sessions import (
    AdvancedMode,
    DevinMode,
    InsightGeneration,
    SessionCategory,
    SessionInsights,
    SessionOrigin,
    SessionResponse,
    SessionSecret,
    SessionTags,
)
from ._org import OrgResource, reject_bare_strings, split_filters, str_list

__all__ = ["EventFilters", "SessionFilters", "Sessions"]

_SESSIONS = "/sessions"
_SESSION = "/sessions/{devin_id}"
# The API's batch limit for event details by id (docs: "max 20").
_MAX_EVENT_IDS = 20

Timestamp = int | datetime
# Aliases, because the ``list`` method shadows the builtin inside the class body.
_Tags = list[str]
_Attachments = list[SessionAttachment]
_EventDetails = list[EventDetail]


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


class Sessions(
    OrgResource, SessionFanOut[SessionResponse], model=SessionResponse, terminal=V3_TERMINAL
):
    """Sessions of one organization (the client's ``org_id`` unless a call passes one)."""

    async def get(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Get one session by its ``devin-...`` id."""
        return await self._core.call(SessionResponse, self._get_request(devin_id, org_id, options))

    def _get_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        return self._request_maker("GET", _SESSION, org_id, options, each="devin_id")

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
        params, options = split_filters(filters, SessionFilters)
        request = self._request("GET", _SESSIONS, org_id, options, params=params)
        return self._core.paginate(SessionResponse, request, page_size=page_size, limit=limit)

    def list_insights(
        self,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **filters: Unpack[SessionFilters],
    ) -> AsyncPaginator[SessionInsights]:
        """Like ``list``, each session with its message counts, size and AI analysis."""
        params, options = split_filters(filters, SessionFilters)
        request = self._request("GET", "/sessions/insights", org_id, options, params=params)
        return self._core.paginate(SessionInsights, request, page_size=page_size, limit=limit)

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
        reject_bare_strings(
            tags=tags,
            repos=repos,
            knowledge_ids=knowledge_ids,
            secret_ids=secret_ids,
            session_links=session_links,
            attachment_urls=attachment_urls,
        )
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
        request = self._request("POST", _SESSIONS, org_id, options, json=payload)
        return await self._core.call(SessionResponse, request)

    async def terminate(
        self,
        devin_id: str,
        *,
        archive: bool | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Terminate a session; ``archive=True`` archives it too."""
        request = self._request(
            "DELETE", _SESSION, org_id, options, params=query(archive=archive), devin_id=devin_id
        )
        return await self._core.call(SessionResponse, request)

    async def archive(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionResponse:
        """Archive a session, putting it to sleep if it is running."""
        request = self._request("POST", _SESSION + "/archive", org_id, options, devin_id=devin_id)
        return await self._core.call(SessionResponse, request)

    async def send_message(
        self,
        devin_id: str,
        message: str,
        *,
        message_as_user_id: str | NotGiven | None = NOT_GIVEN,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> SessionResponse:
        """Send a message to a session (waking it if asleep)."""
        payload = body(message=message, message_as_user_id=message_as_user_id)
        request = self._request(
            "POST", _SESSION + "/messages", org_id, options, json=payload, devin_id=devin_id
        )
        return await self._core.call(SessionResponse, request)

    def messages(
        self,
        devin_id: str,
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[SessionMessage]:
        """The session's messages, oldest first, fetched lazily."""
        request = self._request("GET", _SESSION + "/messages", org_id, options, devin_id=devin_id)
        return self._core.paginate(SessionMessage, request, page_size=page_size, limit=limit)

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
        params, options = split_filters(filters, EventFilters)
        request = self._request(
            "GET", _SESSION + "/events", org_id, options, params=params, devin_id=devin_id
        )
        return self._core.paginate(SessionEvent, request, page_size=page_size, limit=limit)

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
        params, options = split_filters(filters, EventFilters)
        request = self._request(
            "GET",
            _SESSION + "/events/search",
            org_id,
            options,
            params=[*query(query=text), *params],
            devin_id=devin_id,
        )
        return self._core.paginate(EventMatch, request, page_size=page_size, limit=limit)

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
    ) -> _EventDetails:
        """Full contents of events: up to 20 ``event_ids``, or ``limit`` (max 50) from
        ``offset`` in the timeline. Long fields are cut to ``max_content_length``."""
        if event_ids is not None:
            ids = str_list("event_ids", event_ids)
            if offset is not None or limit is not None:
                raise ValueError("pass event_ids, or offset/limit, not both")
            if not 1 <= len(ids) <= _MAX_EVENT_IDS:
                raise ValueError(f"event_ids takes 1 to {_MAX_EVENT_IDS} ids, got {len(ids)}")
        params = query(
            event_ids=event_ids, offset=offset, limit=limit, max_content_length=max_content_length
        )
        request = self._request(
            "GET", _SESSION + "/events/details", org_id, options, params=params, devin_id=devin_id
        )
        data = await self._core.call_json(request)
        items = data.get("items") if isinstance(data, dict) else None
        return structure(items, _EventDetails, what=request)

    async def attachments(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _Attachments:
        """Every file attached to the session, by the user or by Devin."""
        request = self._request(
            "GET", _SESSION + "/attachments", org_id, options, devin_id=devin_id
        )
        return await self._core.call(_Attachments, request)

    async def insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> SessionInsights:
        """A session with its metrics and AI analysis (``analysis`` is None until generated)."""
        request = self._request("GET", _SESSION + "/insights", org_id, options, devin_id=devin_id)
        return await self._core.call(SessionInsights, request)

    async def generate_insights(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> InsightGeneration:
        """Ask for the AI analysis now; it arrives later on ``insights``."""
        request = self._request(
            "POST", _SESSION + "/insights/generate", org_id, options, devin_id=devin_id
        )
        return await self._core.call(InsightGeneration, request)

    async def tags(
        self, devin_id: str, *, org_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> _Tags:
        """The session's tags."""
        request = self._request("GET", _SESSION + "/tags", org_id, options, devin_id=devin_id)
        return (await self._core.call(SessionTags, request)).tags

    async def add_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Tags:
        """Append ``tags`` (the server drops duplicates); returns every tag now set."""
        return await self._put_tags("POST", devin_id, tags, org_id, options)

    async def set_tags(
        self,
        devin_id: str,
        tags: Sequence[str],
        *,
        org_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> _Tags:
        """Replace every tag with ``tags`` (``[]`` clears them); returns the new tags."""
        return await self._put_tags("PUT", devin_id, tags, org_id, options)

    async def _put_tags(
        self,
        method: str,
        devin_id: str,
        tags: Sequence[str],
        org_id: str | None,
        options: RequestOptions,
    ) -> _Tags:
        payload = body(tags=str_list("tags", tags))
        request = self._request(
            method, _SESSION + "/tags", org_id, options, json=payload, devin_id=devin_id
        )
        return (await self._core.call(SessionTags, request)).tags
