"""Legacy v1 sessions: ``/v1/sessions``."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from typing_extensions import Unpack

from ..._body import NOT_GIVEN, NotGiven, body
from ..._converter import structure
from ..._fanout.polling import V1_TERMINAL
from ..._fanout.resource import SessionFanOut
from ..._http import Request
from ..._options import RequestOptions
from ..._pagination import AsyncPaginator
from ..._query import query
from ...models.sessions import SessionSecret
from ...models.v1 import (
    V1Detail,
    V1MessageResult,
    V1Session,
    V1SessionCreated,
    V1SessionSummary,
)
from .._args import nonempty, positive
from ._base import V1Resource

__all__ = ["V1Sessions"]

_SESSIONS = "/sessions"
_SESSION = _SESSIONS + "/{session_id}"
# v1 list limits (legacy spec: limit 1..1000, default 100).
V1_DEFAULT_PAGE_SIZE = 100
V1_MAX_PAGE_SIZE = 1000


class V1Sessions(V1Resource, SessionFanOut[V1Session], model=V1Session, terminal=V1_TERMINAL):
    """v1 sessions, for ``apk_...`` keys (the key's organization is implied)."""

    async def get(self, session_id: str, **options: Unpack[RequestOptions]) -> V1Session:
        """Get one session with its messages."""
        return await self._get_one(session_id, None, options)

    def _get_requests(
        self, org_id: str | None, options: RequestOptions
    ) -> Callable[[str], Request]:
        # v1 has no organization in its paths; the fan-out refuses an org_id for it.
        return self._request_maker("GET", _SESSION, each="session_id", options=options)

    def list(
        self,
        *,
        tags: Sequence[str] | None = None,
        user_email: str | None = None,
        page_size: int = V1_DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[V1SessionSummary]:
        """Every session of the organization, newest first, fetched lazily by limit/offset.

        ``limit`` caps the number of sessions; ``.pages()`` gives page-level access.
        """
        if not 1 <= page_size <= V1_MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be 1..{V1_MAX_PAGE_SIZE}, got {page_size}")
        params = query(tags=tags, user_email=user_email)
        return self._list(
            V1SessionSummary,
            _SESSIONS,
            params=params,
            page_size=page_size,
            limit=limit,
            items_key="sessions",
            options=options,
        )

    async def create(
        self,
        prompt: str,
        *,
        title: str | NotGiven | None = NOT_GIVEN,
        tags: Sequence[str] | NotGiven | None = NOT_GIVEN,
        idempotent: bool | NotGiven = NOT_GIVEN,
        unlisted: bool | NotGiven = NOT_GIVEN,
        snapshot_id: str | NotGiven | None = NOT_GIVEN,
        playbook_id: str | NotGiven | None = NOT_GIVEN,
        max_acu_limit: int | NotGiven | None = NOT_GIVEN,
        secret_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        knowledge_ids: Sequence[str] | NotGiven | None = NOT_GIVEN,
        session_secrets: Sequence[SessionSecret] | NotGiven | None = NOT_GIVEN,
        structured_output_schema: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> V1SessionCreated:
        """Start a session.

        ``idempotent=True`` makes the API return the existing identical session instead
        of starting another (``is_new_session`` says which), so a resend cannot start
        two. Only the arguments passed are sent. ``secret_ids`` and ``knowledge_ids``:
        left out or ``None`` means all of them, ``[]`` none.
        """
        payload = body(
            prompt=nonempty("prompt", prompt),
            title=title,
            tags=tags,
            idempotent=idempotent,
            unlisted=unlisted,
            snapshot_id=snapshot_id,
            playbook_id=playbook_id,
            max_acu_limit=positive("max_acu_limit", max_acu_limit),
            secret_ids=secret_ids,
            knowledge_ids=knowledge_ids,
            session_secrets=session_secrets,
            structured_output_schema=structured_output_schema,
        )
        return await self._call(V1SessionCreated, "POST", _SESSIONS, json=payload, options=options)

    async def send_message(
        self, session_id: str, message: str, **options: Unpack[RequestOptions]
    ) -> V1MessageResult:
        """Send a message to a session; see ``V1MessageResult`` for the server's notice."""
        request = self._request(
            "POST",
            _SESSION + "/message",
            {"session_id": session_id},
            json={"message": nonempty("message", message)},
            options=options,
        )
        # The API answers 204 (legacy spec), 200 null, or 200 {"detail": ...} (newer spec).
        data = await self._core.call_json(request, empty_ok=True)
        if data is None:
            return V1MessageResult()
        return structure(data, V1MessageResult, what=request)

    async def update_tags(
        self, session_id: str, tags: Sequence[str], **options: Unpack[RequestOptions]
    ) -> V1Detail:
        """Replace the session's tags with ``tags`` (``[]`` removes them all)."""
        return await self._call(
            V1Detail,
            "PUT",
            _SESSION + "/tags",
            {"session_id": session_id},
            json={"tags": list(tags)},
            options=options,
        )

    async def terminate(self, session_id: str, **options: Unpack[RequestOptions]) -> V1Detail:
        """End a session (the API answers 400 if it already exited)."""
        return await self._call(
            V1Detail, "DELETE", _SESSION, {"session_id": session_id}, options=options
        )
